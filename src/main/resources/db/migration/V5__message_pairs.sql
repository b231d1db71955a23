-- What the bot sent under a key: a ticket's card, the copy of a customer's message in their topic, a staff
-- message passed on to the customer. Kept after the outbox row is gone, so edits and threaded replies find
-- their message.
create table telegram_sent_message (
    message_key varchar(128) primary key,
    chat_id bigint not null,
    message_id bigint not null,
    sent_at timestamp with time zone not null
);

create index ix_telegram_sent_message_chat on telegram_sent_message (chat_id, message_id);

insert into telegram_sent_message (message_key, chat_id, message_id, sent_at)
select message_key, chat_id, max(telegram_message_id), max(sent_at) from telegram_outbox
where status = 'SENT' and kind = 'SEND_MESSAGE' and message_key is not null and telegram_message_id is not null
group by message_key, chat_id;
