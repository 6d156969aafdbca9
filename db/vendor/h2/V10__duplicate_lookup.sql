-- H2 (development and tests) has no expression or partial indexes: a plain index on the national ID.
create index case_file_national_id on case_file (child_national_id);
