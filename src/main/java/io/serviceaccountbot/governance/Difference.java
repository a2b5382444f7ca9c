package io.serviceaccountbot.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How one fact of a grant differs from what was approved.
 *
 * @param key the fact
 * @param added values the tenant has that were not approved: access that grew outside the bot
 * @param removed approved values the tenant no longer has: access that broke, or was narrowed outside the bot
 */
public record Difference(FactKey key, SortedSet<String> added, SortedSet<String> removed) {

    public Difference {
        Objects.requireNonNull(key, "key");
        added = new TreeSet<>(added);
        removed = new TreeSet<>(removed);
    }

    /** The difference between the approved and the current values of a fact, compared without case; null if none. */
    static Difference between(FactKey key, Set<String> approved, Set<String> current) {
        SortedSet<String> added = new TreeSet<>();
        for (String value : current) {
            if (!containsIgnoringCase(approved, value)) {
                added.add(value);
            }
        }
        SortedSet<String> removed = new TreeSet<>();
        for (String value : approved) {
            if (!containsIgnoringCase(current, value)) {
                removed.add(value);
            }
        }
        return added.isEmpty() && removed.isEmpty() ? null : new Difference(key, added, removed);
    }

    private static boolean containsIgnoringCase(Set<String> values, String value) {
        return values.stream().anyMatch(value::equalsIgnoreCase);
    }

    /** Whether access grew: someone or something can now reach more than was approved. */
    public boolean widened() {
        return !added.isEmpty() && key.kind() != FactKey.Kind.ACCOUNT;
    }

    /** What differs, in a line an admin reads. */
    public String words() {
        List<String> parts = new ArrayList<>();
        if (key.kind() == FactKey.Kind.ACCOUNT) {
            for (String gone : removed) {
                parts.add(
                        switch (gone) {
                            case TenantFacts.EXISTS -> "it no longer exists";
                            case TenantFacts.ENABLED -> "it is disabled";
                            case TenantFacts.MAILBOX -> "its mailbox is gone";
                            case TenantFacts.PASSWORD_KEPT -> "its password can expire again";
                            default -> "no longer " + gone;
                        });
            }
            for (String back : added) {
                parts.add(back.toLowerCase(Locale.ROOT) + " again");
            }
            return "The " + key.words() + ": " + String.join("; ", parts);
        }
        if (key.kind() == FactKey.Kind.SCOPE_FILTER) {
            return "The " + key.words() + " changed outside the bot: it was " + String.join("", removed) + ", it is "
                    + (added.isEmpty() ? "gone" : String.join("", added)) + " now";
        }
        if (!added.isEmpty()) {
            parts.add("added outside the bot: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("gone: " + String.join(", ", removed));
        }
        return "The " + key.words() + ": " + String.join("; ", parts);
    }
}
