-- rows made before V12 and V13 came, brought along

-- a follow-up of a bad rating was promised nothing: its first reply kept or missed no promise
update ticket set promise_kept = null where follow_up = true;

-- a request that ended unanswered after its promise, before the promise watch looked again, missed it
update ticket set promise_kept = false
 where promise_kept is null and first_response_at is null and follow_up = false and closed_at > promised_by;

-- a conversation the staff opened for a follow-up: one with a follow-up in which the customer had written nothing
-- before it
update conversation set follow_up = true
 where exists (select 1 from ticket t where t.conversation_id = conversation.id and t.follow_up = true)
   and not exists (select 1 from conversation_message m
                    where m.conversation_id = conversation.id and m.author = 'CUSTOMER'
                      and m.created_at < (select min(f.requested_at) from ticket f
                                          where f.conversation_id = conversation.id and f.follow_up = true));
