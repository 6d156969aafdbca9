-- The case register finds a child by name without diacritics or case: "nguyen thi hoa" finds "Nguyễn Thị Hoa".
-- The key is written by the application (NameKey) when a case opens; existing cases get the same key here.
alter table case_file add column child_name_key varchar(200);
update case_file set child_name_key = translate(lower(child_full_name),
    'áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ',
    'aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy')
where child_full_name is not null;

-- When the case's first report was received: the register lists and filters by it.
alter table case_file add column received_at timestamp with time zone;
update case_file set received_at = (select min(r.received_at) from report r where r.case_id = case_file.id);
update case_file set received_at = opened_at where received_at is null;
create index case_file_received on case_file (received_at);
