-- Sign-in throttling (NIST SP 800-63B 5.2.2), replacing the lockout of V8: failures counted per account,
-- per account and address, and per address, each slowing its own key down with a growing delay; an
-- account takes at most child-protection.login.daily-cap failures a day; at most
-- child-protection.login.max-concurrent-checks passwords of one account and address are checked at once. Kept in the database so that
-- every node agrees. Keys: "user:<name>", "pair:<name>|<address>", "addr:<address>".
drop table login_failure;
create table login_throttle (
    throttle_key  varchar(200) primary key,
    failures      integer      not null default 0,
    blocked_until timestamp with time zone,
    failure_day   date,
    day_failures  integer      not null default 0,
    checks        integer      not null default 0,
    -- password checks under way for the key (account and address), and since when
    pending       integer      not null default 0,
    pending_since timestamp with time zone
);
