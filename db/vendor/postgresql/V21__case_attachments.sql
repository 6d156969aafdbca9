-- Attachments of a case (issue 13): scanned signed forms, medical certificates, photos. The content is kept
-- here unless child-protection.attachments.directory names a folder (then content is null and the file is
-- there under its SHA-256).
create table case_attachment (
    id           uuid          primary key,
    case_id      uuid          not null references case_file (id),
    file_name    varchar(255)  not null,
    content_type varchar(100)  not null,
    size_bytes   bigint        not null,
    sha256       char(64)      not null,
    content      bytea,
    added_by     varchar(64)   not null,
    added_at     timestamp with time zone not null
);
create index case_attachment_case on case_attachment (case_id, added_at);
