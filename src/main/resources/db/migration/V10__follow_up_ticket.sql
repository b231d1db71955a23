-- a request the staff opened themselves to follow up a bad rating, which the figures of customers' requests leave out
alter table ticket add column follow_up boolean default false not null;
