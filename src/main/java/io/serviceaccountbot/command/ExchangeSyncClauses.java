package io.serviceaccountbot.command;

import io.serviceaccountbot.command.Clauses.Clause;
import java.util.Map;
import java.util.Optional;

/** The clause that names the group of Salesforce's set-up, shared by the commands that change or check it. */
final class ExchangeSyncClauses {

    static final Clause GROUP =
            Clause.of("group", "a group name after 'for group'", "for|of|in [the] [security|mail-enabled|mail] group");

    private ExchangeSyncClauses() {}

    /** The group named, checked. */
    static Optional<String> group(Map<String, String> clauses) {
        return Optional.ofNullable(clauses.get("group")).map(raw -> Arguments.valid(ExchangeRules.GROUP_NAME, raw));
    }

    /** The clause as typed back, or nothing. */
    static String group(Optional<String> group) {
        return group.map(name -> " for group " + Quoting.quoted(name)).orElse("");
    }
}
