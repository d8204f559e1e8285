-- Policy: versioned commitment profiles (R-CMT-01) and the working-day calendar (R-CMT-02).

create table commitment_profiles (
  id           text not null,
  version      integer not null check (version > 0),
  definition   jsonb not null,            -- the whole profile: rules, case clocks, escalation
  status       text not null check (status in ('draft', 'active', 'retired')),
  based_on     text,                      -- 'id@version' it was cloned from
  created_by   integer references users(id),
  created_at   timestamptz not null default now(),
  activated_at timestamptz,
  primary key (id, version)
);
-- One active profile at a time for the whole installation.
create unique index commitment_profiles_one_active on commitment_profiles ((true)) where status = 'active';

create table calendar_overrides (
  day        date primary key,
  off        boolean not null,            -- true: a day off; false: a (make-up) working day
  name       text,
  created_by integer references users(id),
  created_at timestamptz not null default now()
);

-- Years an administrator has entered the official holiday notice for (beyond the bundled data).
create table calendar_years (
  year        integer primary key check (year between 2000 and 2100),
  declared_by integer references users(id),
  declared_at timestamptz not null default now()
);
