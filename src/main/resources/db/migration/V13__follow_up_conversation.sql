-- a conversation the staff opened to follow up a bad rating, not the customer: the figures count customers' own
alter table conversation add column follow_up boolean default false not null;

-- those opened so before: a follow-up's conversation in which the customer had written nothing before it
update conversation set follow_up = true
 where exists (select 1 from ticket t where t.conversation_id = conversation.id and t.follow_up = true)
   and not exists (select 1 from conversation_message m
                    where m.conversation_id = conversation.id and m.author = 'CUSTOMER'
                      and m.created_at < (select min(f.requested_at) from ticket f
                                          where f.conversation_id = conversation.id and f.follow_up = true));
