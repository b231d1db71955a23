-- the bot offers a person to a customer who seems upset once per conversation
alter table conversation add column person_offered_to_upset boolean default false not null;
