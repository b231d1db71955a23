-- ticket numbers are ticket ids, which customers and staff see: none is held in reserve (H2 holds 32 by default and
-- loses them when the process is killed, so the numbers leapt ahead by about 32)
alter table ticket alter column id set cache 1;
