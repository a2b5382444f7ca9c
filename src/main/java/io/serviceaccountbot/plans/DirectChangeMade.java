package io.serviceaccountbot.plans;

import io.serviceaccountbot.approval.Person;
import java.util.List;
import java.util.Objects;

/**
 * A change the bot made at once, without an approval because it grants no mailbox access: a service account created,
 * or a mailbox taken out of Salesforce's reach. Published when it ends, done or failed, with what the audit log needs.
 *
 * @param kind which change
 * @param by who asked
 * @param target the account or mailbox it changed
 * @param command the command, as canonical text
 * @param report each step and its outcome; never a password
 * @param tenantRequestIds the tenant's ids of the calls it made
 */
public record DirectChangeMade(
        Kind kind, Person by, String target, String command, ProvisioningReport report, List<String> tenantRequestIds) {

    public DirectChangeMade {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        tenantRequestIds = List.copyOf(tenantRequestIds);
    }

    /** The changes made without an approval. */
    public enum Kind {
        /** {@code create service account …} */
        ACCOUNT_CREATED,
        /** {@code remove <mailbox> from exchange sync} */
        EXCHANGE_SYNC_NARROWED
    }
}
