-- PostgreSQL only: a b-tree index entry holds at most about 2,700 bytes, less than a long event's serialized form,
-- so the registry looks events up by a hash of it (as Spring Modulith's own PostgreSQL schema does)
drop index event_publication_by_listener_id_and_serialized_event_idx;
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_listener_id_idx on event_publication (listener_id);
