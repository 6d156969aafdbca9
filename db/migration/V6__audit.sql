-- The append-only audit trail: every read of a case file or timeline and every change, with who,
-- when, what and from where. Each row carries the SHA-256 of its content and of the row before it,
-- so an edited, deleted or reordered row breaks the chain (see AuditTrail.verify).
create table audit_event (
    seq         bigint       primary key,
    occurred_at timestamp with time zone not null,
    username    varchar(64),
    action      varchar(40)  not null,
    case_id     uuid,
    detail      varchar(500),
    remote_addr varchar(64),
    prev_hash   varchar(64)  not null,
    hash        varchar(64)  not null
);
create index audit_event_case on audit_event (case_id, seq);

-- The end of the chain; its row lock orders concurrent appends.
create table audit_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
