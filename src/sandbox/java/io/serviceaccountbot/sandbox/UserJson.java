package io.serviceaccountbot.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated user in Graph's JSON shape. {@code passwordProfile} shows whether the next sign-in must change the
 * password and, as in Graph, never the password ({@code "password": null}); {@code passwordPolicies} is Graph's one
 * string ({@code "DisablePasswordExpiration, DisableStrongPassword"}) or null. {@code mail} is the primary address once
 * the user has a mailbox. Without {@code $select} the simulator shows every property, so its state can be inspected;
 * Graph itself then shows only {@link #DEFAULT_PROPERTIES}, which is why the bot always names what it reads.
 */
final class UserJson {

    /** What Graph v1.0 returns for a user when no {@code $select} is given. */
    static final List<String> DEFAULT_PROPERTIES = List.of(
            "businessPhones",
            "displayName",
            "givenName",
            "jobTitle",
            "mail",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "surname",
            "userPrincipalName",
            "id");

    /** The properties {@code $filter} accepts on users here. */
    static final java.util.Set<String> FILTERABLE = java.util.Set.of(
            "id", "mailNickname", "userPrincipalName", "displayName", "mail", "accountEnabled", "usageLocation");

    private UserJson() {}

    static Map<String, Object> of(SimulatedUser user, SimulatedDirectory directory) {
        Instant now = directory.now();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("businessPhones", List.of());
        json.put("displayName", user.displayName());
        json.put("givenName", null);
        json.put("jobTitle", null);
        json.put("mail", user.hasMailbox(now) ? user.userPrincipalName() : null);
        json.put("mobilePhone", null);
        json.put("officeLocation", null);
        json.put("preferredLanguage", null);
        json.put("surname", null);
        json.put("userPrincipalName", user.userPrincipalName());
        json.put("accountEnabled", user.accountEnabled());
        json.put("mailNickname", user.mailNickname());
        json.put("usageLocation", user.usageLocation());
        json.put("createdDateTime", seconds(user.createdDateTime()));
        json.put("lastPasswordChangeDateTime", seconds(user.lastPasswordChangeDateTime()));
        Map<String, Object> passwordProfile = new LinkedHashMap<>();
        passwordProfile.put("password", null);
        passwordProfile.put("forceChangePasswordNextSignIn", user.forceChangePasswordNextSignIn());
        passwordProfile.put("forceChangePasswordNextSignInWithMfa", false);
        json.put("passwordProfile", passwordProfile);
        json.put("passwordPolicies", UserRules.passwordPoliciesValue(user.passwordPolicies()));
        json.put(
                "assignedLicenses",
                user.licences().stream()
                        .map(licence -> Map.of("disabledPlans", List.of(), "skuId", licence.skuId()))
                        .toList());
        json.put("assignedPlans", assignedPlans(user, directory));
        return json;
    }

    private static List<Map<String, Object>> assignedPlans(SimulatedUser user, SimulatedDirectory directory) {
        return user.licences().stream()
                .flatMap(licence -> directory.sku(licence.skuId()).stream()
                        .flatMap(sku -> sku.servicePlans().stream().map(plan -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("assignedDateTime", seconds(licence.assignedDateTime()));
                            json.put("capabilityStatus", "Enabled");
                            json.put("service", plan.service());
                            json.put("servicePlanId", plan.servicePlanId());
                            return json;
                        })))
                .toList();
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
