-- Reports about one child are taken one at a time: intake locks the child's row here (by national ID, or
-- by name, birth date and commune) before it looks for the child's open case, so that concurrent reports
-- about one child find one case instead of opening several.
create table child_intake_lock (
    child_key varchar(300) primary key
);
