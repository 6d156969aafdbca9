-- H2 has no trigram index; the register's name search scans, which is fine at a test's size.
create index case_file_name_key on case_file (child_name_key);
