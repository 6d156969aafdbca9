-- Notifications, second part (issue 14): new work gathered per person, news of a case, daily and weekly digests,
-- text messages, and what each person chooses to receive.

-- a person's mobile number, for text messages of urgent work and escalations
alter table staff_user add column phone varchar(20);

-- a line may be kept without showing under the bell (the person turned the app off for its kind, or it is a
-- digest); new work waits here until it is gathered into one e-mail per person (mail_waiting)
alter table notification add column in_app boolean default true not null;
alter table notification add column mail_waiting boolean default false not null;
create index notification_mail_waiting on notification (mail_waiting, username);

-- when a person was last sent their gathered new work; the row is also the lock two nodes take
create table notification_batch (
    username      varchar(64) primary key references staff_user (username),
    last_sent_at  timestamp with time zone
);

-- a digest goes out once a period, whichever node sends it: the period's row is taken first
create table notification_digest_run (
    kind        varchar(16) not null,
    period      varchar(16) not null,
    started_at  timestamp with time zone not null,
    primary key (kind, period)
);

-- what a person chose: a topic on a channel turned off (no row: on); urgent work in the app cannot be
-- turned off (the application refuses it)
create table notification_preference (
    username  varchar(64) not null references staff_user (username),
    topic     varchar(16) not null,
    channel   varchar(8)  not null,
    enabled   boolean     not null,
    primary key (username, topic, channel)
);

-- quiet hours, Vietnam time, for e-mail that is not urgent: held until they end
create table notification_quiet_hours (
    username    varchar(64) primary key references staff_user (username),
    quiet_from  time not null,
    quiet_to    time not null
);

-- an item of the plan past its day is told once
alter table plan_item add column overdue_told_at timestamp with time zone;

-- a digest lists up to 50 steps of each part, and gathered new work up to 50: longer than one notice
alter table outbox_message alter column body_text set data type varchar(40000);
alter table outbox_message alter column body_html set data type varchar(80000);
