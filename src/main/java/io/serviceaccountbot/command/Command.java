package io.serviceaccountbot.command;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an admin asked for, once understood. One record per command; the catalog's {@link CommandSpec} for each record
 * type documents its syntax and who may run it.
 *
 * <p>Records check their values in their constructors (with the same rules the parser uses), so a command that exists
 * is valid. Free text (justifications, comments, reasons, display names) is canonicalised: spaces collapsed and smart
 * quotes made plain, exactly as typed input is, so that {@code CommandParser.parse(CommandText.of(c))} gives back
 * {@code c}.
 */
public sealed interface Command {

    /** A command that changes who can read mailboxes, so it waits for an approver and may carry a justification. */
    sealed interface Privileged extends Command
            permits TimeBound, RevokeImpersonation, AddToExchangeSync, RestoreAsApproved {

        /** Why the admin needs it ("because ..."), shown to approvers. */
        Optional<String> justification();
    }

    /**
     * A grant that may be asked for a time ({@code for <n> days|hours}), after which the bot takes back what it gave.
     */
    sealed interface TimeBound extends Privileged
            permits GrantImpersonation, SetupExchangeSync, GrantAppAccess, SetupSalesforceSync {

        /** How long the grant lasts; empty for until it is revoked. */
        Optional<GrantDuration> duration();

        /** The same command, lasting {@code duration} (empty for until it is revoked). */
        TimeBound lasting(Optional<GrantDuration> duration);

        /** The same command, with this justification. */
        TimeBound because(Optional<String> justification);
    }

    /** {@code help [<command>]}; the topic is lower-cased, and empty means "everything". */
    record Help(Optional<String> topic) implements Command {

        public Help {
            topic = FreeText.optional(topic, "topic").map(text -> text.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code create service account <alias> [named "<display name>"] [license <sku>] [location <country>]}. */
    record CreateServiceAccount(
            Alias alias, Optional<String> displayName, Optional<String> license, Optional<String> usageLocation)
            implements Command {

        public CreateServiceAccount {
            Objects.requireNonNull(alias, "alias");
            displayName = FreeText.optional(displayName, "displayName").map(DirectoryRules.DISPLAY_NAME::require);
            license = Objects.requireNonNull(license, "license").map(DirectoryRules.LICENSE::require);
            usageLocation =
                    Objects.requireNonNull(usageLocation, "usageLocation").map(DirectoryRules.USAGE_LOCATION::require);
        }
    }

    /** {@code use <upn> as service account}: an existing user who already has a mailbox. */
    record UseExistingAccount(String upn) implements Command {

        public UseExistingAccount {
            upn = DirectoryRules.USER_PRINCIPAL_NAME.require(upn);
        }
    }

    /**
     * {@code grant impersonation to <account> [via group "<group>"] [in role group "<role group>"] [for group "<group>"]}:
     * ApplicationImpersonation through an Exchange role group, or, with {@code for group}, a role assignment of the
     * account's own limited to the mailboxes of a group. Exchange Online removed that role in 2025; see {@link
     * GrantAppAccess}.
     *
     * @param group a mail-enabled security group that contains the account, to add to the role group instead of it
     * @param roleGroup the role group to use; empty lets the plan choose its default
     * @param scopeGroup the group whose member mailboxes alone the account may impersonate (a management scope and
     *     {@code -CustomRecipientWriteScope}); empty for every mailbox, as the article does
     * @param duration how long the grant lasts, after which the bot revokes it; empty for until it is revoked
     */
    record GrantImpersonation(
            AccountRef account,
            Optional<String> group,
            Optional<String> roleGroup,
            Optional<String> scopeGroup,
            Optional<String> justification,
            Optional<GrantDuration> duration)
            implements TimeBound {

        public GrantImpersonation {
            Objects.requireNonNull(account, "account");
            group = Objects.requireNonNull(group, "group").map(ExchangeRules.GROUP_NAME::require);
            roleGroup = Objects.requireNonNull(roleGroup, "roleGroup").map(ExchangeRules.ROLE_GROUP_NAME::require);
            scopeGroup = Objects.requireNonNull(scopeGroup, "scopeGroup").map(ExchangeRules.GROUP_NAME::require);
            justification = FreeText.optional(justification, "justification");
            duration = Objects.requireNonNull(duration, "duration");
        }

        @Override
        public GrantImpersonation lasting(Optional<GrantDuration> duration) {
            return new GrantImpersonation(account, group, roleGroup, scopeGroup, justification, duration);
        }

        @Override
        public GrantImpersonation because(Optional<String> justification) {
            return new GrantImpersonation(account, group, roleGroup, scopeGroup, justification, duration);
        }

        /** A grant that lasts until it is revoked. */
        public GrantImpersonation(
                AccountRef account,
                Optional<String> group,
                Optional<String> roleGroup,
                Optional<String> scopeGroup,
                Optional<String> justification) {
            this(account, group, roleGroup, scopeGroup, justification, Optional.empty());
        }

        /** Impersonation of every mailbox, as the article grants it, until it is revoked. */
        public GrantImpersonation(
                AccountRef account,
                Optional<String> group,
                Optional<String> roleGroup,
                Optional<String> justification) {
            this(account, group, roleGroup, Optional.empty(), justification, Optional.empty());
        }
    }

    /**
     * {@code restore <account or app id> as approved [because ...]}: puts a grant under watch back as it was approved,
     * after it drifted (access added or removed outside the bot); it changes who can read mailboxes, so it waits for an
     * approver, even when it only takes away.
     *
     * @param grant the account (alias or sign-in name) or the app id whose grant drifted
     */
    record RestoreAsApproved(AccountRef grant, Optional<String> justification) implements Privileged {

        public RestoreAsApproved {
            Objects.requireNonNull(grant, "grant");
            justification = FreeText.optional(justification, "justification");
        }
    }

    /** {@code revoke impersonation from <account>}. */
    record RevokeImpersonation(AccountRef account, Optional<String> justification) implements Privileged {

        public RevokeImpersonation {
            Objects.requireNonNull(account, "account");
            justification = FreeText.optional(justification, "justification");
        }
    }

    /**
     * {@code setup exchange sync for <alias> [for group "<group>"]}: the whole runbook, from creating the account to
     * verifying it.
     *
     * @param scopeGroup the group whose member mailboxes alone the account may impersonate (Exchange Server); empty for
     *     every mailbox, as the article does
     * @param duration how long the access lasts, after which the bot revokes it; empty for until it is revoked
     */
    record SetupExchangeSync(
            Alias alias, Optional<String> scopeGroup, Optional<String> justification, Optional<GrantDuration> duration)
            implements TimeBound {

        public SetupExchangeSync {
            Objects.requireNonNull(alias, "alias");
            scopeGroup = Objects.requireNonNull(scopeGroup, "scopeGroup").map(ExchangeRules.GROUP_NAME::require);
            justification = FreeText.optional(justification, "justification");
            duration = Objects.requireNonNull(duration, "duration");
        }

        /** The runbook until the access is revoked. */
        public SetupExchangeSync(Alias alias, Optional<String> scopeGroup, Optional<String> justification) {
            this(alias, scopeGroup, justification, Optional.empty());
        }

        @Override
        public SetupExchangeSync lasting(Optional<GrantDuration> duration) {
            return new SetupExchangeSync(alias, scopeGroup, justification, duration);
        }

        @Override
        public SetupExchangeSync because(Optional<String> justification) {
            return new SetupExchangeSync(alias, scopeGroup, justification, duration);
        }

        /** Impersonation of every mailbox, as the article grants it. */
        public SetupExchangeSync(Alias alias, Optional<String> justification) {
            this(alias, Optional.empty(), justification);
        }
    }

    /**
     * {@code grant app access to <app id> for group "<group>" [roles <role, ...>]}: Exchange Online RBAC for Applications,
     * scoped to the mailboxes in a group.
     *
     * @param roles application roles in Exchange's spelling, without duplicates; {@link #DEFAULT_ROLES} when the admin
     *     names none
     */
    record GrantAppAccess(
            UUID appId,
            String group,
            List<String> roles,
            Optional<String> justification,
            Optional<GrantDuration> duration)
            implements TimeBound {

        /** The roles granted when the command names none. */
        public static final List<String> DEFAULT_ROLES = List.of("Application Mail.ReadWrite");

        public GrantAppAccess {
            Objects.requireNonNull(appId, "appId");
            group = ExchangeRules.GROUP_NAME.require(group);
            Objects.requireNonNull(roles, "roles");
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            roles.forEach(role -> distinct.add(ExchangeRules.APPLICATION_ROLE.require(role)));
            if (distinct.isEmpty()) {
                throw new IllegalArgumentException("grant app access needs at least one role");
            }
            roles = List.copyOf(distinct);
            justification = FreeText.optional(justification, "justification");
            duration = Objects.requireNonNull(duration, "duration");
        }

        /** Access until it is revoked. */
        public GrantAppAccess(UUID appId, String group, List<String> roles, Optional<String> justification) {
            this(appId, group, roles, justification, Optional.empty());
        }

        @Override
        public GrantAppAccess lasting(Optional<GrantDuration> duration) {
            return new GrantAppAccess(appId, group, roles, justification, duration);
        }

        @Override
        public GrantAppAccess because(Optional<String> justification) {
            return new GrantAppAccess(appId, group, roles, justification, duration);
        }
    }

    /**
     * {@code setup exchange sync for group "<group>" [roles <role, ...>]}: Salesforce's Exchange Online procedure,
     * RBAC for Applications for Salesforce's app, scoped to the mailboxes of a group.
     *
     * @param roles application roles in Exchange's spelling, without duplicates; empty when the admin names none, so
     *     that the configured defaults apply
     * @param duration how long Salesforce's access lasts, after which the bot takes its roles away; empty for until
     *     revoked
     */
    record SetupSalesforceSync(
            String group, List<String> roles, Optional<String> justification, Optional<GrantDuration> duration)
            implements TimeBound {

        public SetupSalesforceSync {
            group = ExchangeRules.GROUP_NAME.require(group);
            Objects.requireNonNull(roles, "roles");
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            roles.forEach(role -> distinct.add(ExchangeRules.APPLICATION_ROLE.require(role)));
            roles = List.copyOf(distinct);
            justification = FreeText.optional(justification, "justification");
            duration = Objects.requireNonNull(duration, "duration");
        }

        /** Salesforce's access until it is revoked. */
        public SetupSalesforceSync(String group, List<String> roles, Optional<String> justification) {
            this(group, roles, justification, Optional.empty());
        }

        @Override
        public SetupSalesforceSync lasting(Optional<GrantDuration> duration) {
            return new SetupSalesforceSync(group, roles, justification, duration);
        }

        @Override
        public SetupSalesforceSync because(Optional<String> justification) {
            return new SetupSalesforceSync(group, roles, justification, duration);
        }
    }

    /**
     * {@code add <mailbox> to exchange sync [for group "<group>"] [because ...]}: lets Salesforce read one more mailbox,
     * by adding it to the group its scope takes in; it widens access, so it waits for an approver.
     *
     * @param group the group of Salesforce's set-up; empty when it has only one, which Exchange then names
     */
    record AddToExchangeSync(String mailbox, Optional<String> group, Optional<String> justification)
            implements Privileged {

        public AddToExchangeSync {
            mailbox = ExchangeRules.SMTP_ADDRESS.require(mailbox);
            group = Objects.requireNonNull(group, "group").map(ExchangeRules.GROUP_NAME::require);
            justification = FreeText.optional(justification, "justification");
        }
    }

    /**
     * {@code remove <mailbox> from exchange sync [for group "<group>"] [because ...]}: Salesforce stops reading a
     * mailbox, which leaves the group its scope takes in; it narrows access, so it runs at once.
     *
     * @param group the group of Salesforce's set-up; empty when it has only one
     * @param reason why, kept in the audit log
     */
    record RemoveFromExchangeSync(String mailbox, Optional<String> group, Optional<String> reason) implements Command {

        public RemoveFromExchangeSync {
            mailbox = ExchangeRules.SMTP_ADDRESS.require(mailbox);
            group = Objects.requireNonNull(group, "group").map(ExchangeRules.GROUP_NAME::require);
            reason = FreeText.optional(reason, "reason");
        }
    }

    /**
     * {@code verify exchange sync [for group "<group>"] [against <mailbox>]}: Salesforce's Exchange Online set-up,
     * checked as it stands; the mailbox, when given, is one that must stay out of reach.
     *
     * @param group the group whose mailboxes Salesforce should read; empty to find it from Salesforce's scope in
     *     Exchange
     */
    record VerifyExchangeSync(Optional<String> group, Optional<String> outsider) implements Command {

        public VerifyExchangeSync {
            group = Objects.requireNonNull(group, "group").map(ExchangeRules.GROUP_NAME::require);
            outsider = Objects.requireNonNull(outsider, "outsider").map(ExchangeRules.SMTP_ADDRESS::require);
        }
    }

    /** {@code verify <account> [against <mailbox>]}. */
    record Verify(AccountRef account, Optional<String> mailbox) implements Command {

        public Verify {
            Objects.requireNonNull(account, "account");
            mailbox = Objects.requireNonNull(mailbox, "mailbox").map(ExchangeRules.SMTP_ADDRESS::require);
        }
    }

    /** {@code show role group "<name>"}. */
    record ShowRoleGroup(String name) implements Command {

        public ShowRoleGroup {
            name = ExchangeRules.ROLE_GROUP_NAME.require(name);
        }
    }

    /** {@code review mailbox access}: who in the organisation can read other people's mailboxes. */
    record ReviewMailboxAccess() implements Command {}

    /** {@code drift}: the grants the bot made whose access differs now from what was approved, checked afresh. */
    record Drift() implements Command {}

    /** {@code plan <command>}: a dry run of any command except another plan. */
    record Plan(Command command) implements Command {

        public Plan {
            Objects.requireNonNull(command, "command");
            if (command instanceof Plan) {
                throw new IllegalArgumentException("plan can't plan another plan");
            }
        }
    }

    /** {@code requests [mine|pending|all]}. */
    record Requests(RequestFilter filter) implements Command {

        public Requests {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** {@code approve <request id> [comment]}. */
    record Approve(RequestId id, Optional<String> comment) implements Command {

        public Approve {
            Objects.requireNonNull(id, "id");
            comment = FreeText.optional(comment, "comment");
        }
    }

    /** {@code reject <request id> <reason>}; the reason is required. */
    record Reject(RequestId id, String reason) implements Command {

        public Reject {
            Objects.requireNonNull(id, "id");
            reason = FreeText.required(reason, "reason");
        }
    }

    /** {@code cancel <request id>}: withdraws one's own pending request, or abandons one that failed. */
    record Cancel(RequestId id) implements Command {

        public Cancel {
            Objects.requireNonNull(id, "id");
        }
    }

    /** {@code retry <request id>}: runs a failed request's plan again from the step where it stopped. */
    record Retry(RequestId id) implements Command {

        public Retry {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * {@code audit [<account>|<request id>]}: the audit log, for all or for one account, one line per entry; or the
     * entries of one request in full, with the tenant's request ids.
     *
     * @param account the account whose entries to show; empty for all (or for a request)
     * @param request the request whose entries to show in full; empty for a list
     */
    record Audit(Optional<AccountRef> account, Optional<RequestId> request) implements Command {

        public Audit {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(request, "request");
            if (account.isPresent() && request.isPresent()) {
                throw new IllegalArgumentException("an audit is of an account or of a request, not both");
            }
        }

        /** The newest entries, or one account's. */
        public Audit(Optional<AccountRef> account) {
            this(account, Optional.empty());
        }

        /** One request's entries in full. */
        public static Audit ofRequest(RequestId request) {
            return new Audit(Optional.empty(), Optional.of(request));
        }
    }

    /** {@code audit verify}: checks that the audit log's hash chain is unbroken. */
    record AuditVerify() implements Command {}

    /** {@code whoami}: who the bot thinks you are, and what you may run. */
    record WhoAmI() implements Command {}

    /** {@code doctor}: whether the bot has its tokens and the permissions its commands need. */
    record Doctor() implements Command {}
}
