-- The province a case's commune belongs to, on the case file itself, so that a province supervisor's register
-- and name search narrow to the province in one index (written by the application on opening and transfer).
alter table case_file add column province_code varchar(16);
update case_file set province_code = (select m.province_code from commune m where m.code = case_file.commune_code);
alter table case_file alter column province_code set not null;
alter table case_file add constraint case_file_province_fk foreign key (province_code) references province (code);
create index case_file_province on case_file (province_code, received_at);
