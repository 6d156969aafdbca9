-- A name search over a province's cases is a substring match: trigram index, so that it does not scan.
create extension if not exists pg_trgm;
create index case_file_name_key_trgm on case_file using gin (child_name_key gin_trgm_ops);
