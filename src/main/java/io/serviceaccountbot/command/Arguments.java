package io.serviceaccountbot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns raw argument text into typed values with the naming rules, or stops parsing with an {@link
 * ParseError.InvalidArgument} that names the broken rule.
 */
final class Arguments {

    private Arguments() {}

    static String valid(ValueRule rule, String raw) {
        ValueRule.Outcome outcome = rule.check(raw);
        if (outcome instanceof ValueRule.Outcome.Valid valid) {
            return valid.value();
        }
        String explanation = ((ValueRule.Outcome.Invalid) outcome).explanation();
        throw new Rejection(new ParseError.InvalidArgument(rule.subject(), raw, explanation, rule.example()));
    }

    /** An alias for a new account. */
    static Alias alias(String raw) {
        return new Alias(valid(DirectoryRules.NEW_ACCOUNT_ALIAS, raw));
    }

    /** An existing account: a user principal name if it has an @, otherwise an alias. */
    static AccountRef account(String raw) {
        return raw.indexOf('@') >= 0
                ? new AccountRef.ByUpn(valid(DirectoryRules.USER_PRINCIPAL_NAME, raw))
                : new AccountRef.ByAlias(valid(DirectoryRules.MAIL_NICKNAME, raw));
    }

    static RequestId requestId(String raw) {
        return new RequestId(valid(RequestId.RULE, raw));
    }

    static UUID appId(String raw) {
        return UUID.fromString(valid(DirectoryRules.APP_ID, raw));
    }

    /** How long a grant lasts, from what {@code for # day|days} captured ("30 day"). */
    static GrantDuration grantDuration(String captured) {
        try {
            return GrantDuration.read(captured);
        } catch (IllegalArgumentException e) {
            String[] parts = captured.trim().split(" +");
            String typed = String.join(" ", java.util.Arrays.copyOf(parts, Math.max(1, parts.length - 1)));
            throw new Rejection(new ParseError.InvalidArgument("duration", typed, e.getMessage(), "for 30 days"));
        }
    }

    /** Application roles separated by commas (or "and"). */
    static List<String> applicationRoles(String raw) {
        List<String> roles = new ArrayList<>();
        for (String part : raw.split(",|\\s+(?i:and)\\s+")) {
            if (!part.isBlank()) {
                roles.add(valid(ExchangeRules.APPLICATION_ROLE, part));
            }
        }
        return roles;
    }
}
