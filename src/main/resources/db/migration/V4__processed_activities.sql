-- Message activities already handled (module teams): Teams redelivers, and a redelivered message must not run its
-- command twice. Rows older than bot.teams.redelivery-window are deleted periodically.

create table processed_activity (
    service_url     varchar(500)             not null,
    conversation_id varchar(1000)            not null,
    activity_id     varchar(256)             not null,
    processed_at    timestamp with time zone not null,
    primary key (service_url, conversation_id, activity_id)
);

create index processed_activity_by_age on processed_activity (processed_at);
