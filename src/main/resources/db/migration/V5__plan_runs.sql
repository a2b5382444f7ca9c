-- Durable plan runs (module provisioning).

-- db-scheduler's table, as its PostgreSQL definition has it (db-scheduler/src/test/resources/postgresql_tables.sql,
-- with its migrations applied), except that the key columns are varchar: H2 cannot index a text column. One row per
-- approved request's run (task_name 'run-approved-plan', task_instance the request id) while it waits or runs; the
-- replica that picked it heartbeats it, and another replica takes over a run whose heartbeat stopped.
create table scheduled_tasks (
    task_name            varchar(100)             not null,
    task_instance        varchar(200)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    state                text,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Each step of an approved plan, written before it runs (status RUNNING) and after (its outcome), so that a run
-- interrupted anywhere resumes at the step it was in, and the finished steps are not done again.
create table plan_step (
    request_id  uuid                     not null,
    ordinal     integer                  not null,
    words       text                     not null,
    -- RUNNING while it runs, then DONE, ALREADY_DONE, WAITING, FAILED or SKIPPED
    status      varchar(16)              not null,
    outcome     text,
    fix         text,
    -- how many times the step was started: more than once after a restart, a takeover or a retry
    attempts    integer                  not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    primary key (request_id, ordinal)
);
