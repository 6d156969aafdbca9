-- The working-day calendar's exceptions: public holidays and days off (HOLIDAY), and Saturdays
-- worked to make up for a swapped day (WORKING_DAY). Weekends are otherwise non-working.
-- Seeded from the announcements for 2026 and 2027; administrators add each new year's.
create table holiday (
    holiday_date date        primary key,
    kind varchar(12)  not null check (kind in ('HOLIDAY', 'WORKING_DAY')),
    name varchar(200) not null
);

insert into holiday (holiday_date, kind, name) values
    ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch / New Year''s Day'),
    ('2026-01-02', 'HOLIDAY', 'Nghỉ hoán đổi / day off by swap (12729/VPCP-KGVX)'),
    ('2026-01-10', 'WORKING_DAY', 'Làm bù cho 2/1 / make-up working Saturday'),
    ('2026-02-16', 'HOLIDAY', 'Tết Bính Ngọ'),
    ('2026-02-17', 'HOLIDAY', 'Tết Bính Ngọ'),
    ('2026-02-18', 'HOLIDAY', 'Tết Bính Ngọ'),
    ('2026-02-19', 'HOLIDAY', 'Tết Bính Ngọ'),
    ('2026-02-20', 'HOLIDAY', 'Tết Bính Ngọ'),
    ('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương / Hùng Kings'' day'),
    ('2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ / make-up day off'),
    ('2026-04-30', 'HOLIDAY', 'Ngày Giải phóng miền Nam / Reunification Day'),
    ('2026-05-01', 'HOLIDAY', 'Quốc tế Lao động / Labour Day'),
    ('2026-08-22', 'WORKING_DAY', 'Làm bù cho 31/8 / make-up working Saturday'),
    ('2026-08-31', 'HOLIDAY', 'Nghỉ hoán đổi / day off by swap (9441/TB-BNV)'),
    ('2026-09-01', 'HOLIDAY', 'Quốc khánh / National Day'),
    ('2026-09-02', 'HOLIDAY', 'Quốc khánh / National Day'),
    ('2026-11-24', 'HOLIDAY', 'Ngày Văn hóa Việt Nam / Vietnamese Culture Day'),
    ('2027-01-01', 'HOLIDAY', 'Tết Dương lịch / New Year''s Day'),
    ('2027-02-04', 'HOLIDAY', 'Tết Đinh Mùi'),
    ('2027-02-05', 'HOLIDAY', 'Tết Đinh Mùi'),
    ('2027-02-08', 'HOLIDAY', 'Tết Đinh Mùi'),
    ('2027-02-09', 'HOLIDAY', 'Tết Đinh Mùi (nghỉ bù / make-up)'),
    ('2027-02-10', 'HOLIDAY', 'Tết Đinh Mùi (nghỉ bù / make-up)'),
    ('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương / Hùng Kings'' day'),
    ('2027-04-30', 'HOLIDAY', 'Ngày Giải phóng miền Nam / Reunification Day'),
    ('2027-05-03', 'HOLIDAY', 'Nghỉ bù Quốc tế Lao động / make-up for Labour Day'),
    ('2027-09-02', 'HOLIDAY', 'Quốc khánh / National Day'),
    ('2027-09-03', 'HOLIDAY', 'Quốc khánh / National Day'),
    ('2027-11-24', 'HOLIDAY', 'Ngày Văn hóa Việt Nam / Vietnamese Culture Day');
