-- Grants under watch (module governance): one row per account or app whose mailbox access the bot granted, holding
-- what was approved as a JSON object of facts ({"<kind>:<name>": [values]}), read back from the tenant right after the
-- approved plan ran (or when an approver accepted a drift). A scheduled check compares the tenant with it; drift holds
-- the last differences found (JSON, null when none) and drift_fingerprint those already posted, so each drift is posted
-- once.
create table watched_grant (
    subject           varchar(400)             not null primary key,
    title             varchar(1000)            not null,
    request_id        uuid                     not null,
    request_number    varchar(16)              not null,
    approved          text                     not null,
    approved_at       timestamp with time zone not null,
    approved_how      varchar(1000)            not null,
    drift             text,
    drift_fingerprint varchar(64),
    checked_at        timestamp with time zone,
    check_failure     varchar(2000)
);
