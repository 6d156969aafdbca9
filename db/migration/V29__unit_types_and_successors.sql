-- Administrative units imported from the official list (issue 15): a commune's type (xã, phường, đặc khu), and when
-- it was retired, merged into its successor. A retired commune takes no new report, role or transfer; its closed
-- cases keep it and show the successor.
alter table commune add column unit_type varchar(16);
alter table commune add column retired_at timestamp with time zone;
alter table commune add column successor_code varchar(16) references commune (code);
create index commune_successor on commune (successor_code);
