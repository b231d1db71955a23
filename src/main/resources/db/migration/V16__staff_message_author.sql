-- who of the staff wrote a message, kept whether or not the customer saw the name
alter table conversation_message add column staff_name varchar(256);
