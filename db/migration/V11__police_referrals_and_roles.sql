-- A case may be referred to the police more than once; each referral goes to the police of the commune
-- where the offence happened and stays there when the child moves (Circular 43/2021, CPC Art. 147).
create table police_referral (
    id                   uuid         primary key,
    case_id              uuid         not null references case_file (id),
    police_commune_code  varchar(16)  not null references commune (code),
    source               varchar(16)  not null check (source in ('INTAKE', 'TRIAGE', 'WORKER')),
    referred_at          timestamp with time zone not null,
    forwarded_at         timestamp with time zone,
    agency               varchar(200),
    record_number        varchar(50),
    investigation_due_at timestamp with time zone,
    extensions           integer      not null default 0
);
create index police_referral_case on police_referral (case_id, referred_at);
create index police_referral_commune on police_referral (police_commune_code, case_id);

-- police records belong to a referral; the forwarding says to which agency and when
alter table police_record add column referral_id uuid references police_referral (id);
alter table police_record add column agency varchar(200);
alter table police_record add column forwarded_at timestamp with time zone;
alter table police_record add column decision_reference varchar(100);

-- the intake officer may tick "signs of a crime": the referral starts with the report
alter table report add column crime_suspected boolean not null default false;

-- the province police supervisor receives escalations of police deadlines
alter table staff_role drop constraint staff_role_scope;
alter table staff_role alter column role set data type varchar(24);
alter table staff_role add constraint staff_role_scope check (
    (role in ('WORKER', 'CHAIR', 'POLICE') and commune_code is not null and province_code is null)
 or (role in ('SUPERVISOR', 'POLICE_SUPERVISOR') and province_code is not null and commune_code is null)
 or (role in ('INTAKE', 'ADMIN') and commune_code is null and province_code is null));
