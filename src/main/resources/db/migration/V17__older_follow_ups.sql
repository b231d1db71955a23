-- follow-ups of a bad rating made before V10, which took every older request for the customer's own: a request in a
-- conversation where the customer had written nothing by the time it was opened (a customer's own request always
-- follows something they wrote, if only the button they pressed), in the new conversation the staff opened for it
update ticket set follow_up = true, promise_kept = null
 where follow_up = false
   and not exists (select 1 from conversation_message m
                    where m.conversation_id = ticket.conversation_id and m.author = 'CUSTOMER'
                      and m.created_at <= ticket.requested_at);

update conversation set follow_up = true
 where follow_up = false
   and exists (select 1 from ticket t where t.conversation_id = conversation.id and t.follow_up = true)
   and not exists (select 1 from conversation_message m
                    where m.conversation_id = conversation.id and m.author = 'CUSTOMER'
                      and m.created_at < (select min(f.requested_at) from ticket f
                                          where f.conversation_id = conversation.id and f.follow_up = true));
