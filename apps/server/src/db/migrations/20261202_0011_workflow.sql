-- The clocked-workflow engine's projection (R-CASE-04, R-CASE-05, R-CMT-01, R-CMT-02, R-CMT-12).
-- Deadlines stay a pure function of (start, profile version, calendar, pause history); this table
-- holds what that function gave at the last event, so inboxes, overdue boards and the minute scan
-- read indexes instead of recomputing every open item. Rows are rewritten by the same function in
-- the transaction of every event, by the scan when next_at comes, and for the open items a
-- calendar override can move. Each row keeps the profile version its subject was opened under.

create table workflow_clocks (
  subject_kind    text not null,                 -- 'case', 'breach', later 'application', …
  subject_id      integer not null,
  rule            text not null,                 -- the commitment rule key
  station_id      integer not null,              -- derived data: the subject itself holds the reference
  profile_id      text not null,
  profile_version integer not null,
  started_at      timestamptz,                   -- null: the clock has not started (fee not paid)
  due_at          timestamptz,                   -- while paused: as it stood when the pause began
  met_at          timestamptz,
  paused          boolean not null default false,
  paused_since    timestamptz,
  breached        boolean not null default false,
  level           smallint not null default -1,  -- highest escalation level notified for due_at
  next_at         timestamptz,                   -- next escalation level or the deadline itself
  calendar_bound  boolean not null default false, -- counts working days: a calendar override moves it
  lead            boolean not null default false, -- the subject's running clock due first: its place in the inbox
  open            boolean not null,              -- the subject is in an open state of its machine
  updated_at      timestamptz not null,
  primary key (subject_kind, subject_id, rule)
);
-- the minute scan: rows whose next instant has come
create index workflow_clocks_next_idx on workflow_clocks (next_at) where next_at is not null;
-- due soon and overdue (a station's inbox finds each case's clocks through the primary key)
create index workflow_clocks_running_idx on workflow_clocks (subject_kind, due_at) where open and met_at is null and not paused;
-- inboxes: open subjects in the order of their nearest running deadline
create index workflow_clocks_lead_idx on workflow_clocks (subject_kind, due_at) where lead;
-- what a calendar override can move
create index workflow_clocks_calendar_idx on workflow_clocks (due_at) where open and calendar_bound and met_at is null;

-- Which subject kinds have had their projection built for subjects that existed before it.
create table workflow_backfills (
  subject_kind text primary key,
  subjects     integer not null,
  done_at      timestamptz not null default now()
);

-- The calendar's revision: a process caches the calendar and the profile versions and checks this
-- one row instead of reading every override; any change to overrides or declared years moves it.
-- `instance` tells databases apart when one process opens several (tests, benchmarks).
create table calendar_revision (
  id       boolean primary key default true check (id),
  instance uuid not null default gen_random_uuid(),
  revision bigint not null default 0
);
insert into calendar_revision default values;
-- from a sequence, not revision + 1: a rolled-back change never hands its number to another
create sequence calendar_revision_seq;
create function bump_calendar_revision() returns trigger language plpgsql as $$
begin
  update calendar_revision set revision = nextval('calendar_revision_seq');
  return null;
end $$;
create trigger calendar_overrides_revision after insert or update or delete or truncate on calendar_overrides
  for each statement execute function bump_calendar_revision();
create trigger calendar_years_revision after insert or update or delete or truncate on calendar_years
  for each statement execute function bump_calendar_revision();

-- R-CMT-12: a breach's own feedback clock is met when the result reaches the complainant.
alter table breaches add column feedback_at timestamptz;
