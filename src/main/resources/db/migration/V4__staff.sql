create table staff_topic (
    customer_id bigint primary key,
    group_id varchar(64) not null,
    topic_id bigint not null,
    title varchar(256) not null,
    created_at timestamp with time zone not null,
    constraint uk_staff_topic_group_topic unique (group_id, topic_id)
);

alter table telegram_outbox add column message_thread_id integer;
alter table telegram_outbox add column from_chat_id bigint;
alter table telegram_outbox add column from_message_id integer;
-- names a message so a later request can edit it
alter table telegram_outbox add column message_key varchar(128);
alter table telegram_outbox add column reply_to_key varchar(128);
create index ix_telegram_outbox_key on telegram_outbox (message_key);
