package io.serviceaccountbot.plans;

import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.AuthorizationResult;
import io.serviceaccountbot.tenant.ExchangeAdmin.MailEnabledGroup;
import io.serviceaccountbot.tenant.TenantException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;

/**
 * {@code remove <mailbox> from exchange sync}: the mailbox leaves the group Salesforce's scope takes in, and {@code
 * Test-ServicePrincipalAuthorization} then confirms Salesforce no longer reaches it. It only narrows access, so it runs
 * at once, without approval. A mailbox that is not a member of the group itself is left alone: when Salesforce still
 * reaches it, the report says so and through what, rather than claiming it was removed. Each removal, done or failed,
 * is announced as a {@link DirectChangeMade} for the audit log.
 */
public class SalesforceSyncRemoval {

    private static final String FIND = "Find the group whose mailboxes Salesforce reads";

    private final SalesforceSyncGroups groups;
    private final ExchangeAdmin exchange;
    private final SalesforceProperties salesforce;
    private final ApplicationEventPublisher events;

    SalesforceSyncRemoval(
            SalesforceSyncGroups groups,
            ExchangeAdmin exchange,
            SalesforceProperties salesforce,
            ApplicationEventPublisher events) {
        this.events = events;
        this.groups = groups;
        this.exchange = exchange;
        this.salesforce = salesforce;
    }

    /** What {@code plan remove … from exchange sync} shows: the same steps, in the same words. */
    static PlanPreview.Ready preview(Command.RemoveFromExchangeSync command) {
        String mailbox = command.mailbox();
        return new PlanPreview.Ready(title(mailbox), List.of(FIND, leaving(mailbox), checking(mailbox)), mailbox, null);
    }

    /** Takes the mailbox out of Salesforce's reach at once, as {@code by} asked, and announces it. */
    public ProvisioningReport remove(Command.RemoveFromExchangeSync command, Person by) {
        return DirectChanges.make(
                events,
                DirectChangeMade.Kind.EXCHANGE_SYNC_NARROWED,
                by,
                command,
                () -> remove(command),
                report -> command.mailbox());
    }

    private ProvisioningReport remove(Command.RemoveFromExchangeSync command) {
        String mailbox = command.mailbox();
        StepRunner runner = new StepRunner();
        MailEnabledGroup[] group = new MailEnabledGroup[1];
        runner.run(FIND, () -> {
            SalesforceSyncGroups.Lookup lookup = groups.find(command.group());
            if (lookup instanceof SalesforceSyncGroups.NotFound notFound) {
                return StepOutcome.failed(
                        notFound.why(), notFound.suggestion() == null ? null : "Type: " + notFound.suggestion());
            }
            group[0] = ((SalesforceSyncGroups.Found) lookup).group();
            return StepOutcome.done("Salesforce reads the mailboxes of '" + group[0].name() + "'");
        });
        runner.run(leaving(mailbox), () -> leave(group[0], mailbox));
        runner.run(checking(mailbox), () -> outOfReach(mailbox));
        return new ProvisioningReport(
                title(mailbox),
                runner.outcomes(),
                null,
                List.of(
                        "Exchange applies the change within a few minutes to about two hours; until then Salesforce"
                                + " may still read " + mailbox + ".",
                        "In Salesforce Setup, take the Salesforce user whose mailbox is " + mailbox + " out of their"
                                + " Activity Capture configuration, so Salesforce stops trying to sync it."));
    }

    private static String title(String mailbox) {
        return "Stop Salesforce reading the mailbox " + mailbox;
    }

    private static String leaving(String mailbox) {
        return "Take " + mailbox + " out of the group";
    }

    private static String checking(String mailbox) {
        return "Check with Test-ServicePrincipalAuthorization that Salesforce no longer reaches " + mailbox;
    }

    private StepOutcome leave(MailEnabledGroup group, String mailbox) {
        boolean member = group.members().stream().anyMatch(name -> name.equalsIgnoreCase(mailbox));
        if (!member) {
            return StepOutcome.alreadyDone(mailbox + " is not a member of '" + group.name() + "' itself");
        }
        exchange.removeGroupMember(group.name(), mailbox);
        return StepOutcome.done(mailbox + " left '" + group.name() + "'");
    }

    private StepOutcome outOfReach(String mailbox) {
        List<AuthorizationResult> reach;
        try {
            reach = exchange.testServicePrincipalAuthorization(salesforce.appId(), mailbox);
        } catch (TenantException e) {
            if (e.kind() != TenantException.Kind.NOT_FOUND) {
                throw e;
            }
            return StepOutcome.failed(
                    "Exchange has no mailbox " + mailbox,
                    "Check the address: it is the mailbox's primary email address.");
        }
        List<String> reaching = reach.stream()
                .filter(AuthorizationResult::inScope)
                .map(line -> line.role() + " ("
                        + ("organization".equals(String.valueOf(line.scope()).toLowerCase(Locale.ROOT))
                                ? "the whole organisation"
                                : "scope '" + line.scope() + "'")
                        + ")")
                .toList();
        if (!reaching.isEmpty()) {
            return StepOutcome.failed(
                    "Salesforce still reaches " + mailbox + " through " + String.join(", ", reaching),
                    "It may be in a group inside the sync group, or Salesforce's app holds access to the whole"
                            + " organisation; type verify exchange sync against " + mailbox + " to see the whole"
                            + " set-up, and take it out there.");
        }
        return StepOutcome.done("Test-ServicePrincipalAuthorization: Salesforce's roles no longer reach " + mailbox);
    }
}
