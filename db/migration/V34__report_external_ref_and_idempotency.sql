-- Integrators (issue 18): the reference a hotline's own software gives a report, kept and searchable, and the
-- Idempotency-Key of POST /api/reports, so that a retried request files its report once.
alter table report add column external_ref varchar(100);
create index report_external_ref on report (external_ref);

-- One key per caller (a staff username or a client system) for 24 hours: the hash of the body it came with and the
-- answer it got. Written in the report's own transaction: a report and its key are stored together or not at all.
create table intake_idempotency (
    caller           varchar(100)  not null,
    idempotency_key  varchar(255)  not null,
    request_hash     varchar(64)   not null,
    case_id          uuid,
    case_number      varchar(20),
    case_status      varchar(40),
    joined           boolean,
    created_at       timestamp with time zone not null,
    primary key (caller, idempotency_key)
);
create index intake_idempotency_created on intake_idempotency (created_at);
