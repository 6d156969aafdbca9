-- Step 9 of the law, carrying out the plan (issue 13): the services a commune or province can call on, and the
-- plan's items, each followed up from asked to delivered or not delivered (with why).
create table service_provider (
    id            uuid          primary key,
    province_code varchar(16)   not null references province (code),
    -- null: serves every commune of the province
    commune_code  varchar(16)   references commune (code),
    name          varchar(200)  not null,
    service       varchar(32)   not null,
    contact       varchar(300)
);
create index service_provider_province on service_provider (province_code);

create table plan_item (
    id           uuid          primary key,
    case_id      uuid          not null references case_file (id),
    service      varchar(32)   not null,
    provider_id  uuid          references service_provider (id),
    action       varchar(2000) not null,
    responsible  varchar(200)  not null,
    due_on       date          not null,
    status       varchar(16)   not null,
    outcome      varchar(2000),
    added_by     varchar(64)   not null,
    added_at     timestamp with time zone not null,
    updated_by   varchar(64),
    updated_at   timestamp with time zone
);
create index plan_item_case on plan_item (case_id, due_on);
-- the open items whose day has passed, for the inbox
create index plan_item_open_due on plan_item (status, due_on);
