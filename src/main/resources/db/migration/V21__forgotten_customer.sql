-- when a customer's data was erased at their request; null for everyone else
alter table customer add column forgotten_at timestamp with time zone;
