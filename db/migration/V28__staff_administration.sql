-- Staff managed in the application (issue 15): a person's title, a one-time password that must be changed at the
-- next sign-in, and when an account was disabled (it can no longer sign in; its history stays).
alter table staff_user add column title varchar(200);
alter table staff_user add column must_change_password boolean not null default false;
alter table staff_user add column disabled_at timestamp with time zone;
alter table staff_user add column created_at timestamp with time zone;
-- people listed by unit for administrators and supervisors
create index staff_role_commune on staff_role (commune_code);
create index staff_role_province on staff_role (province_code);
