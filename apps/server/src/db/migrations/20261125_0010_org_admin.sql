-- Organisation and staff administration (R-ORG-01..03): retiring org units, account lockout and a
-- forced password change kept in the database (so they survive a restart), staff photos.

-- A retired unit keeps its id, its history and the records that name it; it takes no new staff
-- or sub-units and leaves the pickers.
alter table org_units add column retired boolean not null default false;
alter table org_units add column updated_at timestamptz not null default now();
alter table org_units add constraint org_units_team_kind_only_for_teams check (kind = 'team' or team_kind is null);

-- Consecutive failed sign-ins since the last success or lock, and the lock they led to.
alter table users add column failed_logins integer not null default 0 check (failed_logins >= 0);
alter table users add column locked_until timestamptz;
-- Set by an administrator's reset: the user signs in but may write nothing until they choose a password.
alter table users add column must_change_password boolean not null default false;
alter table users add column password_changed_at timestamptz;

-- Staff photos live in the database beside the user: one backup holds everything, both backends
-- behave alike, and the photo and its audit row commit together. A photo is small (≤ 2 MB).
create table staff_photos (
  user_id      integer primary key references users(id) on delete cascade,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes   integer not null check (size_bytes > 0),
  sha256       text not null,
  data         bytea not null,
  uploaded_by  integer references users(id),
  uploaded_at  timestamptz not null default now()
);
