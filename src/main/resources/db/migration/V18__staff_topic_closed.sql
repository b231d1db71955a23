-- whether staff closed the customer's topic in Telegram: it is reopened when the customer needs them again
alter table staff_topic add column closed boolean default false not null;
