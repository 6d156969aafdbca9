-- The periodic report (issue 16), measured at a million cases: the forms submitted in a period were found by reading
-- every form (a sequential scan of case_form for each of the report's form counts), and a province's case files
-- by fetching each from the heap. Each index below holds what its query reads (key columns, so that H2 has them too).
create index case_form_type_submitted on case_form (form_type, submitted_at, case_id);
create index police_referral_referred on police_referral (referred_at, case_id);
create index police_record_kind_recorded on police_record (kind, recorded_at, case_id, outcome);
create index plan_item_status_updated on plan_item (status, updated_at, case_id, service);
-- a province's cases by id alone: the side of the report's joins that says which cases are the province's
create index case_file_province_id on case_file (province_code, id);
