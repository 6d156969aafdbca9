-- A further report finds the child's open case by national ID, or by name and birth date
-- (CaseFileService.openCaseOf): indexes so that intake does not scan every case ever opened.
create index case_file_open_national_id on case_file (child_national_id) where status = 'OPEN';
create index case_file_open_name_birth on case_file (lower(child_full_name), child_birth_date) where status = 'OPEN';
