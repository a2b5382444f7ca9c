package io.serviceaccountbot.verification;

import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.plans.SalesforceProperties;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What follows a plan that ran, decided by its command: the verification report, checked in the tenant afresh (the
 * account's for impersonation, the app's reach into the group's mailboxes for app access, none for a revocation), and
 * for Salesforce's set-up the durable re-check once Exchange has applied the scope.
 */
public class PostRunVerification {

    private final AccountVerification accounts;
    private final AppAccessVerification appAccess;
    private final SalesforceSyncVerification salesforceSync;
    private final SalesforceSyncFollowUps salesforceFollowUps;
    private final SalesforceProperties salesforce;

    PostRunVerification(
            AccountVerification accounts,
            AppAccessVerification appAccess,
            SalesforceSyncVerification salesforceSync,
            SalesforceSyncFollowUps salesforceFollowUps,
            SalesforceProperties salesforce) {
        this.accounts = accounts;
        this.appAccess = appAccess;
        this.salesforceSync = salesforceSync;
        this.salesforceFollowUps = salesforceFollowUps;
        this.salesforce = salesforce;
    }

    /** The report that follows the plan of {@code command} on {@code target}; none for a command that takes away. */
    public Optional<VerificationReport> verify(Command.Privileged command, String target) {
        if (command instanceof Command.GrantImpersonation || command instanceof Command.SetupExchangeSync) {
            return Optional.of(accounts.verify(AccountRef.of(target)));
        }
        if (command instanceof Command.GrantAppAccess app) {
            return Optional.of(appAccess.verify(app.appId(), app.group(), app.roles()));
        }
        if (command instanceof Command.AddToExchangeSync add) {
            return Optional.of(salesforceSync.verify(add.group(), Optional.empty(), Optional.empty()));
        }
        if (command instanceof Command.SetupSalesforceSync setup) {
            List<String> roles = setup.roles().isEmpty() ? salesforce.roles() : setup.roles();
            return Optional.of(appAccess.verify(UUID.fromString(salesforce.appId()), setup.group(), roles));
        }
        return Optional.empty();
    }

    /** After Salesforce's set-up succeeded, schedules its re-check for when Exchange has applied the scope. */
    public void followUp(String requestNumber, Command.Privileged command, boolean succeeded) {
        if (succeeded && command instanceof Command.SetupSalesforceSync setup) {
            salesforceFollowUps.recheckLater(requestNumber, setup.group());
        }
    }
}
