-- The periodic report (issue 16) counts by period: the reports received in it, and the steps done in it (by type).
-- Without these a country's year read every report and every timeline row.
create index report_received on report (received_at);
create index case_event_type_done on case_event (type, done_at);
create index case_event_type_occurred on case_event (type, occurred_at);
