-- A step that waits for the tenant (a mailbox to appear, and later RBAC to apply or a runner's job to end) holds no
-- thread while it waits: it is recorded as POLLING, its run is rescheduled for the next check, and the run resumes
-- there on any replica. started_at stays when the wait began, so the wait's limit counts from then.
alter table plan_step add column checks integer not null default 0;
alter table plan_step add column next_check_at timestamp with time zone;
