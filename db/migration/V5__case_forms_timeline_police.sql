-- What each completed task's form said (Mau 03-07 and the others), as JSON, one row per completion.
create table case_form (
    id           uuid          primary key,
    case_id      uuid          not null references case_file (id),
    task_id      varchar(64)   not null,
    form_type    varchar(32)   not null,
    content      varchar(20000) not null,
    submitted_by varchar(64)   not null,
    submitted_at timestamp with time zone not null
);
create index case_form_case on case_form (case_id, submitted_at);

-- The case timeline: every step with its deadline and when it was done, and the events between.
create table case_event (
    id         uuid         primary key,
    case_id    uuid         not null references case_file (id),
    task_id    varchar(64),
    type       varchar(32)  not null,
    step       varchar(32),
    detail     varchar(500),
    occurred_at timestamp with time zone not null,
    due_at     timestamp with time zone,
    done_at    timestamp with time zone,
    outcome    varchar(12),
    actor      varchar(64)
);
create index case_event_case on case_event (case_id, occurred_at);
create index case_event_task on case_event (task_id);

-- Police coordination: acknowledgement of the referral and the investigation agency's outcome.
create table police_record (
    id            uuid         primary key,
    case_id       uuid         not null references case_file (id),
    task_id       varchar(64),
    kind          varchar(16)  not null check (kind in ('ACKNOWLEDGED', 'OUTCOME')),
    record_number varchar(50),
    officer       varchar(200),
    outcome       varchar(16),
    detail        varchar(4000),
    recorded_by   varchar(64)  not null,
    recorded_at   timestamp with time zone not null
);
create index police_record_case on police_record (case_id, recorded_at);
