-- When each month's readings last changed (R-MTR-04, R-MTR-05): written by every readings import
-- that changes a month, in the same transaction, so the background line-loss refresh compares
-- this small table with the runs instead of scanning millions of readings every few minutes.
create table reading_periods (
  period      text primary key check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  changed_at  timestamptz not null
);
insert into reading_periods (period, changed_at)
  select period, max(updated_at) from readings group by period;
