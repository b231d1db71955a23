-- how a ticket ended (closed by staff, ended by the customer, withdrawn, or closed after a quiet while); none for
-- tickets that ended before it was kept
alter table ticket add column ending varchar(32);
