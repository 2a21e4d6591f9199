-- Hand-written DDL the way people keep it in a repository: unqualified
-- names, lower case, inline constraints, a function with a dollar-quoted
-- body, a trigger, a view, comments and a partial index, in the order
-- a person writes them.
create type priority as enum ('low', 'normal', 'high');

create table projects (
  id serial primary key,
  name text not null unique,
  archived boolean not null default false,
  created_at timestamptz not null default now()
);

create table issues (
  id bigserial primary key,
  project_id int not null references projects(id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  body text,
  prio priority not null default 'normal',
  closed_at timestamptz,
  updated_at timestamptz not null default now()
);

create index issues_open_idx on issues (project_id, prio) where closed_at is null;
comment on table issues is 'One row per issue; closed issues keep closed_at.';
comment on column issues.prio is 'Triage priority';

create function touch_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger issues_touch before update on issues
  for each row execute function touch_updated_at();

create view open_issues as
  select i.id, p.name as project, i.title, i.prio
  from issues i join projects p on p.id = i.project_id
  where i.closed_at is null and not p.archived;

create materialized view issue_counts as
  select project_id, count(*) as n from issues group by project_id;
create unique index issue_counts_project on issue_counts (project_id);
