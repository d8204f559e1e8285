-- One versioned-document module (R-CMT-01, R-SYS-02): every rule an administrator may change —
-- commitment profiles, the metering policy, tariff tables, the role → permission table, rate
-- limits, attachment limits, banned phrases, violation rules … — is a document of a kind, kept in
-- versions: draft → published (in force) → superseded. Records keep the version they were made
-- under. The three tables that each did this on their own move here.
create table documents (
  kind          text not null,
  key           text not null,             -- e.g. the profile id, the tariff code; 'default' for one-per-kind
  version       integer not null check (version > 0),
  status        text not null check (status in ('draft', 'published', 'superseded')),
  active        boolean not null default false,  -- the version in force for its key
  definition    jsonb not null,
  based_on      text,                      -- 'key@version' it was copied from
  note          text,
  created_by    integer references users(id),
  created_name  text not null default 'system',
  created_at    timestamptz not null default now(),
  published_at  timestamptz,
  published_name text,
  primary key (kind, key, version),
  check (not active or status <> 'draft')
);
create unique index documents_one_active_per_key on documents (kind, key) where active;
create index documents_kind_idx on documents (kind, key, version desc);

insert into documents (kind, key, version, status, active, definition, based_on, created_by, created_at, published_at)
select 'commitment-profile', id, version,
       case status when 'draft' then 'draft' else 'published' end,
       status = 'active', definition, based_on, created_by, created_at,
       case status when 'draft' then null else coalesce(activated_at, created_at) end
from commitment_profiles;

insert into documents (kind, key, version, status, active, definition, note, created_name, created_at, published_at, published_name)
select 'metering-policy', 'default', version,
       case when active then 'published' else 'superseded' end,
       active, definition, note, created_by, created_at, created_at, created_by
from metering_policies;

insert into documents (kind, key, version, status, active, definition, created_at, published_at)
select 'tariff', code, version, case when active then 'published' else 'superseded' end, active, definition, created_at, created_at
from tariffs;

-- Cases keep the commitment profile version they were opened under, now a document version.
alter table cases drop constraint if exists cases_profile_id_profile_version_fkey;
alter table cases add column profile_kind text not null default 'commitment-profile' check (profile_kind = 'commitment-profile');
alter table cases add constraint cases_profile_document_fkey
  foreign key (profile_kind, profile_id, profile_version) references documents (kind, key, version);

drop table commitment_profiles;
drop table metering_policies;
drop table tariffs;
