-- the events the staff module acted on, so that one delivered again after a sudden stop is not acted on twice
create table staff_handled_event (
    digest varchar(64) not null primary key,
    handled_at timestamp with time zone not null
);

create index staff_handled_event_by_handled_at_idx on staff_handled_event (handled_at);
