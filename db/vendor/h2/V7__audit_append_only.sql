-- H2 (development and tests) has no SQL trigger language: the append-only guard is PostgreSQL's
-- (db/vendor/postgresql). The hash chain detects tampering on both.
select 1;
