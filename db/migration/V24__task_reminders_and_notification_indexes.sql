-- Deadline reminders (issue 14): when half of a step's time has passed, and again shortly before its deadline
-- (2 hours before a deadline of a day or less, the working morning before a longer one). Written when the task is
-- created, removed when it ends; a dispatcher fires each once (fired_at), to the assignee or the group.
create table task_reminder (
    id        uuid        primary key,
    task_id   varchar(64) not null,
    kind      varchar(16) not null,
    fire_at   timestamp with time zone not null,
    fired_at  timestamp with time zone
);
create index task_reminder_due on task_reminder (fired_at, fire_at);
create index task_reminder_task on task_reminder (task_id);

-- who a notification reaches: the holders of one role for one commune or province
create index staff_role_role_commune on staff_role (role, commune_code);
create index staff_role_role_province on staff_role (role, province_code);
-- a person's notifications, newest first
create index notification_list on notification (username, created_at);
