-- Contact notes: home visits, calls and meetings the worker records while the case is open (issue 13).
-- They are case notes of their own kinds, with the day of the contact, who was met and the next step.
alter table case_note add column contact_date date;
alter table case_note add column met_with varchar(500);
alter table case_note add column next_step varchar(2000);
