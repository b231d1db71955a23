-- who closed a ticket, when a member of staff did (the one who took it may not be the one who closed it); none for
-- tickets closed before it was kept
alter table ticket add column closed_by varchar(256);
