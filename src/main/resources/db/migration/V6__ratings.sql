-- one rating question per closed conversation, with the answer and the comment when they come
create table rating (
    conversation_id bigint primary key,
    customer_id bigint not null,
    ticket_id bigint,
    -- the staff member who had the conversation's ticket; none when the bot handled it alone
    handled_by varchar(256),
    handled_by_id varchar(128),
    question varchar(10000) not null,
    score integer,
    comment varchar(4000),
    asked_at timestamp with time zone not null,
    rated_at timestamp with time zone,
    commented_at timestamp with time zone,
    comment_closed boolean not null,
    version bigint not null
);

create index ix_rating_customer on rating (customer_id, rated_at);
create index ix_rating_rated on rating (rated_at);

alter table conversation add column last_staff_message_at timestamp with time zone;
create index ix_conversation_state on conversation (state, last_customer_message_at);
create index ix_conversation_opened on conversation (opened_at);
create index ix_message_created on conversation_message (created_at, author);
create index ix_ticket_requested on ticket (requested_at);
