package io.serviceaccountbot.governance;

/** A grant is no longer watched: it was revoked, or its time ran out. Its review, if one waits, is closed. */
record GrantUnwatched(String subject, String why) {}
