-- Where the offence happened, as the report says: a further report may come from another commune than
-- the one holding the child's case, and a police referral goes to the police of that place.
alter table report add column commune_code varchar(16) references commune (code);
update report set commune_code = (select c.commune_code from case_file c where c.id = report.case_id);
