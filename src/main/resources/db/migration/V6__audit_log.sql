-- The audit log (module audit): append-only, one row per event, each row's hash taken over its content and the hash
-- of the row before it, so that a changed or removed row breaks the chain. audit_head holds the last sequence number
-- and hash; appending locks it, so the rows of several replicas form one chain without gaps.

create table audit_entry (
    seq                bigint                   not null primary key,
    recorded_at        timestamp with time zone not null,
    actor_id           varchar(64),
    actor_name         varchar(256),
    action             varchar(64)              not null,
    request_number     varchar(16),
    target             varchar(320),
    outcome            varchar(32)              not null,
    detail             varchar(4000),
    tenant_request_ids varchar(2000),
    conversation_id    varchar(1000),
    prev_hash          char(64)                 not null,
    hash               char(64)                 not null
);

create index audit_entry_by_target on audit_entry (target);
create index audit_entry_by_time on audit_entry (recorded_at);

create table audit_head (
    id        integer  not null primary key,
    last_seq  bigint   not null,
    last_hash char(64) not null
);

insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
