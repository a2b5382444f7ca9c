-- Access reviews (module governance): one row per review of a grant under watch. It opens every
-- bot.governance.review-interval and goes to the approvers, who keep or revoke the grant by its deadline; one that no
-- one answers is escalated once, then stays UNANSWERED (listed by drift) until someone decides. status: OPEN,
-- ESCALATED, UNANSWERED, KEPT, REVOKING, REVOKED, REVOKE_FAILED.
create table grant_review (
    id              uuid                     not null primary key,
    subject         varchar(400)             not null,
    title           varchar(1000)            not null,
    request_number  varchar(16)              not null,
    opened_at       timestamp with time zone not null,
    deadline        timestamp with time zone not null,
    status          varchar(16)              not null,
    decided_by_id   varchar(64),
    decided_by_name varchar(256),
    decided_at      timestamp with time zone,
    outcome         varchar(2000)
);

create index grant_review_by_subject on grant_review (subject);
