-- Notifications (issue 14): what a person is told, in the app and by e-mail, written in the same transaction as
-- the change that causes it; e-mail leaves through an outbox that a dispatcher sends with retries.
alter table staff_user add column email varchar(254);
alter table staff_user add column language varchar(8) not null default 'vi';

-- One line of a person's notifications; the title is written in their language when it is shown.
create table notification (
    id           uuid         primary key,
    username     varchar(64)  not null references staff_user (username),
    kind         varchar(32)  not null,
    task_id      varchar(64),
    case_id      uuid,
    case_number  varchar(32),
    -- the step's title key (task.type.X or task.escalation.X)
    step_key     varchar(80),
    due_at       timestamp with time zone,
    link         varchar(300) not null,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone
);
create index notification_unread on notification (username, read_at, created_at);

-- A message to send: rendered when written (no case content: case number, step, deadline, a link to sign in).
-- PENDING until a dispatcher claims it (claimed_by, claimed_until); SENT once; FAILED after its last attempt.
create table outbox_message (
    id              uuid          primary key,
    notification_id uuid          references notification (id),
    channel         varchar(16)   not null,
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    body_text       varchar(4000) not null,
    body_html       varchar(8000) not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_by      varchar(100),
    claimed_until   timestamp with time zone,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index outbox_due on outbox_message (status, next_attempt_at);
