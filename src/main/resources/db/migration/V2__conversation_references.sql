-- Where the bot may post later (module teams). A conversation id is unique only together with its service URL:
-- each Teams world (and each Agents Playground instance) has its own connector, and channel ids collide across them.
-- The lengths are the longest the bot accepts on /api/messages (ActivityCheck).

create table conversation_reference (
    service_url        varchar(500)             not null,
    conversation_id    varchar(1000)            not null,
    conversation_type  varchar(64)              not null,
    tenant_id          varchar(256),
    bot_id             varchar(256),
    bot_name           text,
    user_id            varchar(256),
    user_name          text,
    user_aad_object_id varchar(256),
    -- user_aad_object_id in lower case, to find a user's personal chats (Entra object ids compare case-insensitively)
    user_key           varchar(256),
    updated_at         timestamp with time zone not null,
    primary key (service_url, conversation_id)
);

create index conversation_reference_personal on conversation_reference (user_key, conversation_type);
