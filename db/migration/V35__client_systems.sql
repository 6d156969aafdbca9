-- Machine clients (issue 18): other systems (the hotline 111's call software) that file reports through the API
-- with a key of their own. The key is shown once when the administrator registers the system; only its SHA-256 is
-- kept (a key is 256 random bits: a fast hash is enough, nobody guesses it back). Revoked systems stay, for the
-- record of what they filed.
create table client_system (
    id                   uuid          primary key,
    name                 varchar(64)   not null unique,
    display_name         varchar(200)  not null,
    key_id               varchar(16)   not null unique,
    key_hash             varchar(64)   not null,
    scopes               varchar(200)  not null,
    requests_per_minute  integer       not null,
    created_by           varchar(64)   not null,
    created_at           timestamp with time zone not null,
    revoked_by           varchar(64),
    revoked_at           timestamp with time zone
);

-- The communes and provinces a system may file reports for.
create table client_system_unit (
    client_id  uuid         not null references client_system (id),
    unit_code  varchar(16)  not null,
    primary key (client_id, unit_code)
);

-- Requests per client and minute, counted in the database so that every node counts the same.
create table client_rate (
    client_id     uuid     not null references client_system (id),
    window_start  timestamp with time zone not null,
    requests      integer  not null,
    primary key (client_id, window_start)
);
