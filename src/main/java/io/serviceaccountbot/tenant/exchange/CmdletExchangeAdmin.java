package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeReads;
import io.serviceaccountbot.tenant.ExchangeServerVersion;
import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * {@link ExchangeAdmin} over cmdlets, whichever way they reach Exchange ({@link CmdletTransport}): Exchange Online's
 * InvokeCommand, or Exchange Server's runner, where the cmdlets and their output are the same. Each operation is one cmdlet where Exchange allows
 * (see the round-trip table in docs/architecture.md). "Ensure" runs the New- cmdlet first, because its output is the object as
 * Exchange stored it; only when Exchange answers that the name exists (a retried create whose first answer was lost,
 * or an earlier run) does it read the existing object back. Adding a member twice or removing an absent one is
 * success, as the port promises.
 */
final class CmdletExchangeAdmin implements ExchangeAdmin {

    private final CmdletTransport exchange;

    CmdletExchangeAdmin(CmdletTransport exchange) {
        this.exchange = exchange;
    }

    @Override
    public Optional<ExchangeServerVersion> lastServer() {
        return exchange.lastServer();
    }

    /**
     * The reads as the cmdlets this adapter asks for them, and the accounts as {@link ExchangeServerAccounts} reads
     * them; the transport asks them together where that saves calls (Exchange Server's runner).
     */
    @Override
    public ExchangeReads.Kept readTogether(ExchangeReads reads) {
        List<Cmdlet> cmdlets = new ArrayList<>();
        reads.roles().forEach(role -> cmdlets.add(getRole(role)));
        reads.accounts().forEach(account -> cmdlets.add(ExchangeServerAccounts.lookup(account)));
        if (reads.domains()) {
            cmdlets.add(ExchangeServerAccounts.getAcceptedDomain());
        }
        reads.securityGroups().forEach(group -> cmdlets.add(getGroup(group)));
        reads.roleGroups().forEach(group -> cmdlets.add(getRoleGroup(group)));
        reads.effectiveHolders().forEach(role -> cmdlets.add(getEffectiveHolders(role)));
        return cmdlets.isEmpty() ? ExchangeReads.Kept.NOTHING : exchange.readTogether(cmdlets);
    }

    @Override
    public Optional<ManagementRole> managementRole(String name) {
        return ifFound(() -> first(run(getRole(name))).map(ExchangeRows::role));
    }

    @Override
    public Optional<MailEnabledGroup> securityGroup(String name) {
        Optional<JsonNode> group = ifFound(() -> first(run(getGroup(name))));
        if (group.isEmpty() || !ExchangeRows.isSecurityGroup(group.get())) {
            return Optional.empty();
        }
        List<JsonNode> members = run(Cmdlet.named("Get-DistributionGroupMember")
                .with("Identity", name)
                .with("ResultSize", "Unlimited"));
        return Optional.of(ExchangeRows.group(group.get(), ExchangeRows.memberNames(members)));
    }

    @Override
    public MailEnabledGroup ensureSecurityGroup(String name) {
        try {
            JsonNode created = single(
                    run(Cmdlet.named("New-DistributionGroup")
                            .with("Name", name)
                            .with("Alias", Aliases.of(name))
                            .with("Type", "Security")),
                    "New-DistributionGroup");
            return ExchangeRows.group(created, List.of());
        } catch (TenantException e) {
            if (e.kind() != Kind.ALREADY_EXISTS) {
                throw e;
            }
            return securityGroup(name)
                    .orElseThrow(() -> clash(e, "a recipient other than a mail-enabled security group named " + name));
        }
    }

    @Override
    public void addGroupMember(String group, String member) {
        unlessAlready(
                Kind.ALREADY_EXISTS,
                () -> run(Cmdlet.named("Add-DistributionGroupMember")
                        .with("Identity", group)
                        .with("Member", member)
                        .withSwitch("BypassSecurityGroupManagerCheck")));
    }

    @Override
    public void removeGroupMember(String group, String member) {
        unlessNotAMember(() -> run(Cmdlet.named("Remove-DistributionGroupMember")
                .with("Identity", group)
                .with("Member", member)
                .withSwitch("BypassSecurityGroupManagerCheck")
                .withoutConfirmation()));
    }

    @Override
    public Optional<RoleGroup> roleGroup(String name) {
        Optional<JsonNode> group = ifFound(() -> first(run(getRoleGroup(name))));
        return group.map(row -> ExchangeRows.roleGroup(row, roleGroupMembers(name)));
    }

    @Override
    public RoleGroup ensureRoleGroup(String name, List<String> roles, List<String> members) {
        Cmdlet create = Cmdlet.named("New-RoleGroup").with("Name", name).with("Roles", roles);
        if (!members.isEmpty()) {
            create.with("Members", members);
        }
        try {
            JsonNode created = single(run(create), "New-RoleGroup");
            return ExchangeRows.roleGroup(created, members.isEmpty() ? List.of() : roleGroupMembers(name));
        } catch (TenantException e) {
            if (e.kind() == Kind.ALREADY_EXISTS) {
                return roleGroup(name).orElseThrow(() -> clash(e, "an object other than a role group named " + name));
            }
            throw roleNotFound(e, roles);
        }
    }

    @Override
    public void addRoleGroupMember(String roleGroup, String member) {
        unlessAlready(
                Kind.ALREADY_EXISTS,
                () -> run(Cmdlet.named("Add-RoleGroupMember")
                        .with("Identity", roleGroup)
                        .with("Member", member)
                        .withSwitch("BypassSecurityGroupManagerCheck")));
    }

    @Override
    public void removeRoleGroupMember(String roleGroup, String member) {
        unlessNotAMember(() -> run(Cmdlet.named("Remove-RoleGroupMember")
                .with("Identity", roleGroup)
                .with("Member", member)
                .withSwitch("BypassSecurityGroupManagerCheck")
                .withoutConfirmation()));
    }

    @Override
    public List<EffectiveAssignment> effectiveAssignments(String role) {
        try {
            return run(getEffectiveHolders(role)).stream()
                    .filter(ExchangeRows::isEffectiveUser)
                    .map(row -> ExchangeRows.effective(row, role))
                    .toList();
        } catch (TenantException e) {
            throw roleNotFound(e, List.of(role));
        }
    }

    @Override
    public ExchangeServicePrincipal ensureServicePrincipal(String appId, String objectId, String displayName) {
        try {
            return ExchangeRows.servicePrincipal(single(
                    run(Cmdlet.named("New-ServicePrincipal")
                            .with("AppId", appId)
                            .with("ObjectId", objectId)
                            .with("DisplayName", displayName)),
                    "New-ServicePrincipal"));
        } catch (TenantException e) {
            if (e.kind() != Kind.ALREADY_EXISTS) {
                throw e;
            }
            return ExchangeRows.servicePrincipal(
                    single(run(Cmdlet.named("Get-ServicePrincipal").with("Identity", appId)), "Get-ServicePrincipal"));
        }
    }

    @Override
    public void removeServicePrincipal(String appId) {
        unlessAlready(
                Kind.NOT_FOUND,
                () -> run(Cmdlet.named("Remove-ServicePrincipal")
                        .with("Identity", appId)
                        .withoutConfirmation()));
    }

    @Override
    public ManagementScope ensureManagementScope(String name, String recipientRestrictionFilter) {
        try {
            return ExchangeRows.scope(single(
                    run(Cmdlet.named("New-ManagementScope")
                            .with("Name", name)
                            .with("RecipientRestrictionFilter", recipientRestrictionFilter)),
                    "New-ManagementScope"));
        } catch (TenantException e) {
            if (e.kind() != Kind.ALREADY_EXISTS) {
                throw e;
            }
            return ExchangeRows.scope(
                    single(run(Cmdlet.named("Get-ManagementScope").with("Identity", name)), "Get-ManagementScope"));
        }
    }

    @Override
    public void removeManagementScope(String name) {
        unlessAlready(
                Kind.NOT_FOUND,
                () -> run(Cmdlet.named("Remove-ManagementScope")
                        .with("Identity", name)
                        .withoutConfirmation()));
    }

    @Override
    public AppRoleAssignment ensureAppRoleAssignment(String appId, String role, String scope) {
        String name = Aliases.assignmentName(appId, role, scope);
        try {
            return ExchangeRows.appAssignment(
                    single(
                            run(Cmdlet.named("New-ManagementRoleAssignment")
                                    .with("Name", name)
                                    .with("App", appId)
                                    .with("Role", role)
                                    .with("CustomResourceScope", scope)),
                            "New-ManagementRoleAssignment"),
                    appId);
        } catch (TenantException e) {
            if (e.kind() != Kind.ALREADY_EXISTS) {
                throw roleNotFound(e, List.of(role));
            }
            return ExchangeRows.appAssignment(
                    single(
                            run(Cmdlet.named("Get-ManagementRoleAssignment").with("Identity", name)),
                            "Get-ManagementRoleAssignment"),
                    appId);
        }
    }

    @Override
    public void removeAppRoleAssignment(String appId, String role, String scope) {
        unlessAlready(
                Kind.NOT_FOUND,
                () -> run(Cmdlet.named("Remove-ManagementRoleAssignment")
                        .with("Identity", Aliases.assignmentName(appId, role, scope))
                        .withoutConfirmation()));
    }

    @Override
    public List<AuthorizationResult> testServicePrincipalAuthorization(String appId, String mailbox) {
        return run(Cmdlet.named("Test-ServicePrincipalAuthorization")
                        .with("Identity", appId)
                        .with("Resource", mailbox))
                .stream()
                .map(ExchangeRows::authorization)
                .toList();
    }

    @Override
    public List<AppRoleGrant> appRoleAssignments() {
        Map<String, ExchangeServicePrincipal> apps = new HashMap<>();
        for (JsonNode row : run(Cmdlet.named("Get-ServicePrincipal"))) {
            ExchangeServicePrincipal app = ExchangeRows.servicePrincipal(row);
            for (String field : List.of("AppId", "ObjectId", "ServiceId", "Identity", "DisplayName")) {
                String key = ExchangeRows.text(row, field);
                if (key != null) {
                    apps.putIfAbsent(key.toLowerCase(Locale.ROOT), app);
                }
            }
        }
        return run(Cmdlet.named("Get-ManagementRoleAssignment").with("RoleAssigneeType", "ServicePrincipal")).stream()
                .map(row -> {
                    String assignee = ExchangeRows.text(row, "RoleAssignee", "RoleAssigneeName");
                    String name = ExchangeRows.text(row, "RoleAssigneeName", "RoleAssignee");
                    ExchangeServicePrincipal app = Stream.of(assignee, name)
                            .filter(Objects::nonNull)
                            .map(key -> apps.get(key.toLowerCase(Locale.ROOT)))
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElseGet(() -> new ExchangeServicePrincipal(null, assignee, name));
                    return new AppRoleGrant(app, ExchangeRows.appAssignment(row, app.appId()));
                })
                .toList();
    }

    @Override
    public Optional<List<AuthorizationResult>> servicePrincipalRoles(String appId) {
        return ifFound(() -> Optional.of(
                run(Cmdlet.named("Test-ServicePrincipalAuthorization").with("Identity", appId)).stream()
                        .map(ExchangeRows::authorization)
                        .toList()));
    }

    @Override
    public Optional<ManagementScope> managementScope(String name) {
        return ifFound(() -> first(run(Cmdlet.named("Get-ManagementScope").with("Identity", name)))
                .map(ExchangeRows::scope));
    }

    @Override
    public void ensureUserRoleAssignment(String name, String role, String user, String recipientWriteScope) {
        unlessAlready(
                Kind.ALREADY_EXISTS,
                () -> run(Cmdlet.named("New-ManagementRoleAssignment")
                        .with("Name", name)
                        .with("Role", role)
                        .with("User", user)
                        .with("CustomRecipientWriteScope", recipientWriteScope)));
    }

    @Override
    public void removeRoleAssignment(String name) {
        unlessAlready(
                Kind.NOT_FOUND,
                () -> run(Cmdlet.named("Remove-ManagementRoleAssignment")
                        .with("Identity", name)
                        .withoutConfirmation()));
    }

    static Cmdlet getRole(String name) {
        return Cmdlet.named("Get-ManagementRole").with("Identity", name);
    }

    static Cmdlet getGroup(String name) {
        return Cmdlet.named("Get-DistributionGroup").with("Identity", name);
    }

    static Cmdlet getRoleGroup(String name) {
        return Cmdlet.named("Get-RoleGroup").with("Identity", name);
    }

    static Cmdlet getEffectiveHolders(String role) {
        return Cmdlet.named("Get-ManagementRoleAssignment")
                .with("Role", role)
                .withSwitch("GetEffectiveUsers")
                .with("Delegating", false);
    }

    private List<JsonNode> run(Cmdlet cmdlet) {
        return exchange.invoke(cmdlet).rows();
    }

    private List<String> roleGroupMembers(String name) {
        return ExchangeRows.memberNames(
                run(Cmdlet.named("Get-RoleGroupMember").with("Identity", name).with("ResultSize", "Unlimited")));
    }

    private static Optional<JsonNode> first(List<JsonNode> rows) {
        return rows.stream().findFirst();
    }

    private JsonNode single(List<JsonNode> rows, String cmdlet) {
        return first(rows)
                .orElseThrow(() -> new TenantException(
                        Kind.UNAVAILABLE,
                        exchange.service(),
                        "NoOutput",
                        null,
                        exchange.service() + " ran " + cmdlet + " but returned no object",
                        null));
    }

    private static <T> Optional<T> ifFound(Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (TenantException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Runs a change that is already done when Exchange answers with that kind (member exists, object gone). */
    private static void unlessAlready(Kind done, Runnable change) {
        try {
            change.run();
        } catch (TenantException e) {
            if (e.kind() != done) {
                throw e;
            }
        }
    }

    /** A removal is done when Exchange says the recipient isn't a member; an unknown group is still an error. */
    private static void unlessNotAMember(Runnable change) {
        try {
            change.run();
        } catch (TenantException e) {
            if (!"MemberNotFoundException".equals(e.code())) {
                throw e;
            }
        }
    }

    /** A "couldn't be found" that names one of the roles asked for means the role does not exist here. */
    private static TenantException roleNotFound(TenantException e, List<String> roles) {
        if (e.kind() != Kind.NOT_FOUND || e.getMessage() == null) {
            return e;
        }
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        for (String role : roles) {
            String quoted = role.toLowerCase(Locale.ROOT);
            if (message.contains("'" + quoted + "'") || message.contains("\"" + quoted + "\"")) {
                return new TenantException(
                        Kind.ROLE_NOT_FOUND,
                        e.service(),
                        e.code(),
                        e.requestId(),
                        "The management role " + role + " does not exist in this Exchange organisation ("
                                + e.getMessage() + ")",
                        e);
            }
        }
        return e;
    }

    private TenantException clash(TenantException e, String what) {
        return new TenantException(
                Kind.ALREADY_EXISTS,
                e.service(),
                e.code(),
                e.requestId(),
                exchange.service() + " already has " + what + " (" + e.getMessage() + ")",
                e);
    }
}
