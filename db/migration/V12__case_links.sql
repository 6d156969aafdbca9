-- Name and birth date alone never join two communes' cases: the later report opens its own case,
-- marked as a possible duplicate of the earlier one until a supervisor merges or dismisses it.
alter table case_file add column duplicate_status varchar(16)
    check (duplicate_status in ('SUSPECTED', 'DISMISSED', 'MERGED'));

-- Cases of the same child: the earlier (closed) cases a new one follows, and the open case a new one
-- may duplicate.
create table case_link (
    case_id        uuid        not null references case_file (id),
    linked_case_id uuid        not null references case_file (id),
    kind           varchar(20) not null check (kind in ('EARLIER', 'POSSIBLE_DUPLICATE')),
    primary key (case_id, linked_case_id, kind)
);
create index case_link_linked on case_link (linked_case_id);
