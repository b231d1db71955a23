-- a visitor's message carries the id their page gave it, so one sent again (its answer lost on the way) is kept once
alter table web_line add column client_id varchar(64);
create unique index ux_web_line_client on web_line (visitor_id, client_id);
