package io.serviceaccountbot.tenant.graph;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.AssignedPlan;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.User;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.NewUser;
import io.serviceaccountbot.tenant.Secret;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Users between Graph's shape and the port's: what to ask for, what to send, and how to read the answer. */
final class GraphUsers {

    /**
     * Exactly what {@link DirectoryUser} needs. All but id, displayName and userPrincipalName are "returned only on
     * $select" in Graph v1.0, so a GET without this list would leave them empty.
     */
    static final String[] SELECT = {
        "id",
        "displayName",
        "userPrincipalName",
        "mailNickname",
        "accountEnabled",
        "usageLocation",
        "passwordProfile",
        "passwordPolicies",
        "assignedLicenses",
        "assignedPlans"
    };

    /** What Graph's passwordPolicies holds when a user has none of its own: the organisation's policy applies. */
    static final String NO_PASSWORD_POLICIES = "None";

    /**
     * The Exchange Foundation plan ships inside many licences without Exchange (Power BI, Teams Exploratory, …) and
     * gives no mailbox; its assignedPlan still says service "exchange". Service plan ids are the same in every tenant
     * (Microsoft's "Product names and service plan identifiers for licensing").
     */
    static final UUID EXCHANGE_FOUNDATION_PLAN = UUID.fromString("113feb6c-3fe4-4440-bddc-54d774bf0318");

    private GraphUsers() {}

    static User newUser(NewUser user) {
        User body = new User();
        body.setAccountEnabled(true);
        body.setDisplayName(user.displayName());
        body.setMailNickname(user.alias());
        body.setUserPrincipalName(user.userPrincipalName());
        if (user.usageLocation() != null && !user.usageLocation().isBlank()) {
            body.setUsageLocation(user.usageLocation());
        }
        body.setPasswordProfile(passwordProfile(user.password()));
        body.setPasswordPolicies(DirectoryUser.DISABLE_PASSWORD_EXPIRATION);
        return body;
    }

    /**
     * Graph's one string for several policies, as its documentation writes it: {@code "DisablePasswordExpiration,
     * DisableStrongPassword"}, in a stable order; "None" for none.
     */
    static String passwordPolicies(Collection<String> policies) {
        return policies.isEmpty()
                ? NO_PASSWORD_POLICIES
                : policies.stream().sorted().collect(Collectors.joining(", "));
    }

    static Set<String> passwordPolicies(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(policy -> !policy.isEmpty() && !policy.equalsIgnoreCase(NO_PASSWORD_POLICIES))
                .collect(Collectors.toSet());
    }

    static PasswordProfile passwordProfile(Secret password) {
        PasswordProfile profile = new PasswordProfile();
        profile.setForceChangePasswordNextSignIn(false);
        profile.setPassword(password.reveal());
        return profile;
    }

    static DirectoryUser toDirectoryUser(User user) {
        PasswordProfile profile = user.getPasswordProfile();
        return new DirectoryUser(
                user.getId(),
                user.getDisplayName(),
                user.getUserPrincipalName(),
                user.getMailNickname(),
                Boolean.TRUE.equals(user.getAccountEnabled()),
                user.getUsageLocation(),
                profile == null ? null : profile.getForceChangePasswordNextSignIn(),
                licenseSkuIds(user.getAssignedLicenses()),
                exchangePlanEnabled(user.getAssignedPlans()),
                passwordPolicies(user.getPasswordPolicies()));
    }

    /**
     * The user Graph created, from its 201 answer (which carries the id and Graph's default properties) completed by
     * what the bot sent and Graph accepted: enabled, no forced password change, a password that never expires, no
     * licence yet.
     */
    static DirectoryUser created(User answer, NewUser asked) {
        return new DirectoryUser(
                answer.getId(),
                Objects.requireNonNullElse(answer.getDisplayName(), asked.displayName()),
                Objects.requireNonNullElse(answer.getUserPrincipalName(), asked.userPrincipalName()),
                Objects.requireNonNullElse(answer.getMailNickname(), asked.alias()),
                answer.getAccountEnabled() == null || answer.getAccountEnabled(),
                answer.getUsageLocation() != null ? answer.getUsageLocation() : asked.usageLocation(),
                false,
                licenseSkuIds(answer.getAssignedLicenses()),
                exchangePlanEnabled(answer.getAssignedPlans()),
                answer.getPasswordPolicies() != null
                        ? passwordPolicies(answer.getPasswordPolicies())
                        : Set.of(DirectoryUser.DISABLE_PASSWORD_EXPIRATION));
    }

    private static List<String> licenseSkuIds(List<AssignedLicense> licenses) {
        if (licenses == null) {
            return List.of();
        }
        return licenses.stream()
                .map(AssignedLicense::getSkuId)
                .filter(Objects::nonNull)
                .map(UUID::toString)
                .toList();
    }

    private static boolean exchangePlanEnabled(List<AssignedPlan> plans) {
        return plans != null
                && plans.stream()
                        .anyMatch(plan -> "exchange".equalsIgnoreCase(plan.getService())
                                && "Enabled".equalsIgnoreCase(plan.getCapabilityStatus())
                                && !EXCHANGE_FOUNDATION_PLAN.equals(plan.getServicePlanId()));
    }
}
