-- who closed a ticket, when a member of staff did (the one who took it may not be the one who closed it); none for
-- tickets closed before it was kept
alter table ticket add column closed_by varchar(256);

-- a follow-up of a bad rating was promised nothing: its first reply kept or missed no promise
update ticket set promise_kept = null where follow_up = true;

-- a request that ended unanswered after its promise, before the promise watch looked again, missed it
update ticket set promise_kept = false
 where promise_kept is null and first_response_at is null and follow_up = false and closed_at > promised_by;
