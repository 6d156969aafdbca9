-- Failed sign-ins per staff account: after too many in a row the account is locked for a while
-- (child-protection.login.*). A successful sign-in clears the row. Only existing accounts get a row.
create table login_failure (
    username     varchar(64) primary key references staff_user (username),
    failures     integer     not null,
    locked_until timestamp with time zone
);
