-- A name search is asked within a province (supervisors) or a commune (commune staff): one trigram index whose
-- entries hold the place too (btree_gin), so that the index scan skips the long lists of the commonest
-- trigrams ("ngu", "thi") to the place's few cases instead of reading them whole. It answers a name search
-- without a place as the name's own index did, which it replaces.
create extension if not exists btree_gin;
create index case_file_place_name_trgm on case_file using gin (province_code, commune_code, child_name_key gin_trgm_ops);
drop index case_file_name_key_trgm;
