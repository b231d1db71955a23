-- the customer's topic that was deleted by hand and replaced by the current one, so late posts for it follow
alter table staff_topic add column replaced_topic_id bigint;
