create sequence case_number_seq start with 1;

-- The case file: one child, one case (ND56 Art. 52: one support plan per child).
create table case_file (
    id               uuid         primary key,
    case_number      varchar(20)  not null unique,
    status           varchar(16)  not null,
    commune_code     varchar(16)  not null references commune (code),
    opened_at        timestamp with time zone not null,
    child_full_name  varchar(200),
    child_sex        varchar(8)   not null,
    child_birth_date date,
    child_age_years  integer,
    child_national_id varchar(12),
    child_ethnicity  varchar(100),
    child_address    varchar(500),
    version          integer      not null
);
create index case_file_commune on case_file (commune_code, status);

-- A report (Mau 01). Several reports may concern the same case.
create table report (
    id                          uuid         primary key,
    case_id                     uuid         not null references case_file (id),
    channel                     varchar(20)  not null,
    received_at                 timestamp with time zone not null,
    recorded_at                 timestamp with time zone not null,
    recorded_by                 varchar(64)  not null,
    setting                     varchar(20)  not null,
    description                 varchar(10000) not null,
    immediate_danger            boolean      not null,
    alleged_abuser_is_caregiver boolean      not null,
    abuser_relationship         varchar(20),
    abuser_full_name            varchar(200),
    abuser_age_years            integer,
    reporter_anonymous          boolean      not null,
    reporter_full_name          varchar(200),
    reporter_phone              varchar(30),
    reporter_relationship       varchar(100)
);
create index report_case on report (case_id);
create index report_recorded_by on report (recorded_by);

-- Harm types as given, one row each, for the statistics of Circular 13/2021 indicator 0101.
create table report_harm_type (
    report    uuid        not null references report (id),
    harm_type varchar(32) not null,
    primary key (report, harm_type)
);

-- Initial assessment of danger (Mau 02).
create table initial_assessment (
    id               uuid         primary key,
    case_id          uuid         not null references case_file (id),
    task_id          varchar(64)  not null,
    danger_level     varchar(8)   not null,
    immediate_danger boolean      not null,
    crime_suspected  boolean      not null,
    summary          varchar(10000) not null,
    assessed_by      varchar(64)  not null,
    assessed_at      timestamp with time zone not null
);
create index initial_assessment_case on initial_assessment (case_id);

-- Notes on the case: what a supervisor did about an escalation, and later other free-text entries.
create table case_note (
    id         uuid        primary key,
    case_id    uuid        not null references case_file (id),
    task_id    varchar(64),
    kind       varchar(20) not null,
    text       varchar(4000),
    author     varchar(64) not null,
    written_at timestamp with time zone not null
);
create index case_note_case on case_note (case_id);
