package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.sandbox.Recipients.MailboxUser;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Mailbox users for tests of the simulated Exchange, independent of how the simulated directory provisions
 * mailboxes. Not a {@code @Configuration}, so component scanning leaves it alone: a test adds it as a source of the
 * application it starts, and its {@link Recipients} then takes precedence.
 */
public class TestMailboxes {

    /** Users with a ready mailbox; {@code no-mailbox@example.com} is deliberately not among them. */
    static final List<MailboxUser> USERS = List.of(
            user("01", "svc-sync", "Salesforce Sync Service"),
            user("02", "svc-two", "Second Service Account"),
            user("03", "svc-three", "Third Service Account"),
            user("11", "m1", "Member One"),
            user("12", "m2", "Member Two"),
            user("13", "m3", "Member Three"),
            user("14", "m4", "Member Four"),
            user("15", "m5", "Member Five"));

    @Bean
    @Primary
    Recipients testRecipients() {
        return TestMailboxes::find;
    }

    static Optional<MailboxUser> find(String identity) {
        String wanted = identity.trim();
        return USERS.stream()
                .filter(user -> user.objectId().equalsIgnoreCase(wanted)
                        || user.alias().equalsIgnoreCase(wanted)
                        || user.userPrincipalName().equalsIgnoreCase(wanted)
                        || user.displayName().equalsIgnoreCase(wanted))
                .findFirst();
    }

    private static MailboxUser user(String number, String alias, String displayName) {
        return new MailboxUser(
                "7e570a11-0000-4000-8000-0000000000" + number, alias, alias + "@example.com", displayName);
    }
}
