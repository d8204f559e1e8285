-- The org tree's revision: every request needs the tree to compute its actor's scope, so a process
-- keeps the tree in memory and the session lookup reads this one number beside it; any change to
-- org_units moves it (from a sequence, so a rolled-back change never hands its number on).
create table org_revision (
  id       boolean primary key default true check (id),
  revision bigint not null default 0
);
insert into org_revision default values;
create sequence org_revision_seq;
create function bump_org_revision() returns trigger language plpgsql as $$
begin
  update org_revision set revision = nextval('org_revision_seq');
  return null;
end $$;
create trigger org_units_revision after insert or update or delete or truncate on org_units
  for each statement execute function bump_org_revision();
