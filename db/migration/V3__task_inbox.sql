-- Read model of open user tasks, kept in step with the engine by a task listener in the same
-- transaction. Inboxes and supervisor views read this table, never engine task queries.
create table task_inbox (
    task_id         varchar(64)  primary key,
    case_id         uuid         not null,
    case_number     varchar(20)  not null,
    commune_code    varchar(16)  not null,
    province_code   varchar(16)  not null,
    task_type       varchar(32)  not null,
    task_key        varchar(100) not null,
    candidate_group varchar(64)  not null,
    assignee        varchar(64),
    created_at      timestamp with time zone not null,
    due_at          timestamp with time zone,
    priority        integer      not null
);
create index task_inbox_group_due on task_inbox (candidate_group, due_at);
create index task_inbox_assignee_due on task_inbox (assignee, due_at);
create index task_inbox_case on task_inbox (case_id);
