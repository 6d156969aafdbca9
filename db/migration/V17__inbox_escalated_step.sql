-- An escalation task says which step it is about, in the inbox as on the timeline.
alter table task_inbox add column escalated_step varchar(32);
