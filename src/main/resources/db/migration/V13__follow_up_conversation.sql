-- a conversation the staff opened to follow up a bad rating, not the customer: the figures count customers' own
alter table conversation add column follow_up boolean default false not null;
