-- The supervisor's overdue view: open work of a province past its deadline, oldest first.
create index task_inbox_province_due on task_inbox (province_code, due_at);
