package io.serviceaccountbot.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What Entra ID checks in the body of {@code POST /users} and {@code PATCH /users/{id}}, refused with Graph's words:
 * required properties, the user principal name's characters, the alias's characters, a two-letter usage location,
 * the password policies Graph knows, and the default password complexity (8 to 256 characters, three of upper case,
 * lower case, digits and symbols).
 */
final class UserRules {

    static final Set<String> CREATABLE = Set.of(
            "@odata.type",
            "accountEnabled",
            "displayName",
            "mailNickname",
            "userPrincipalName",
            "usageLocation",
            "passwordProfile",
            "passwordPolicies",
            "givenName",
            "surname",
            "jobTitle",
            "department");
    static final Set<String> UPDATABLE = Set.of(
            "@odata.type",
            "accountEnabled",
            "displayName",
            "usageLocation",
            "passwordProfile",
            "passwordPolicies",
            "givenName",
            "surname",
            "jobTitle",
            "department");
    static final List<String> REQUIRED =
            List.of("accountEnabled", "displayName", "mailNickname", "passwordProfile", "userPrincipalName");

    private static final Pattern UPN = Pattern.compile("[A-Za-z0-9'.\\-_!#^~]{1,64}@[A-Za-z0-9.\\-]{1,48}");
    private static final Pattern ALIAS = Pattern.compile("[^@()\\\\\\[\\]\";:<>,\\s]{1,64}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** The values of passwordPolicies, in the order Graph's documentation writes them together. */
    static final List<String> PASSWORD_POLICIES = List.of("DisablePasswordExpiration", "DisableStrongPassword");

    private UserRules() {}

    static void checkCreate(Map<String, Object> body) {
        onlyKnown(body, CREATABLE);
        for (String property : REQUIRED) {
            if (body.get(property) == null) {
                throw GraphRefusal.badRequest("Property '" + property + "' is required when creating the resource.");
            }
        }
        if (!(body.get("displayName") instanceof String name) || name.isBlank() || name.length() > 256) {
            throw GraphRefusal.invalidValue("displayName");
        }
        if (!(body.get("userPrincipalName") instanceof String upn)
                || !UPN.matcher(upn).matches()) {
            throw new GraphRefusal(
                    HttpStatus.BAD_REQUEST,
                    "Request_BadRequest",
                    "Property userPrincipalName is invalid.",
                    List.of(new GraphRefusal.Detail(
                            "InvalidValue", "Property userPrincipalName is invalid.", "userPrincipalName")));
        }
        if (!(body.get("mailNickname") instanceof String alias)
                || !ALIAS.matcher(alias).matches()) {
            throw GraphRefusal.invalidValue("mailNickname");
        }
        if (!(body.get("accountEnabled") instanceof Boolean)) {
            throw GraphRefusal.invalidValue("accountEnabled");
        }
        checkCommon(body);
        if (!(body.get("passwordProfile") instanceof Map<?, ?> profile) || profile.get("password") == null) {
            throw GraphRefusal.badRequest(
                    "Property 'passwordProfile.password' is required when creating the resource.");
        }
    }

    static void checkUpdate(Map<String, Object> body) {
        onlyKnown(body, UPDATABLE);
        if (body.containsKey("displayName") && (!(body.get("displayName") instanceof String name) || name.isBlank())) {
            throw GraphRefusal.invalidValue("displayName");
        }
        checkCommon(body);
    }

    /**
     * The policies a passwordPolicies value names: one or both of {@link #PASSWORD_POLICIES}, separated by commas, or
     * {@code "None"} (or null) for none; anything else is refused as Graph refuses it.
     */
    static Set<String> passwordPolicies(Object value) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof String text)) {
            throw GraphRefusal.invalidValue("passwordPolicies");
        }
        if (text.trim().equalsIgnoreCase("None")) {
            return Set.of();
        }
        Set<String> policies = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String policy = PASSWORD_POLICIES.stream()
                    .filter(known -> known.equalsIgnoreCase(part.trim()))
                    .findFirst()
                    .orElseThrow(() -> GraphRefusal.invalidValue("passwordPolicies"));
            policies.add(policy);
        }
        return policies;
    }

    /** Graph's one string for a user's policies, or null when it has none. */
    static String passwordPoliciesValue(Set<String> policies) {
        List<String> ordered =
                PASSWORD_POLICIES.stream().filter(policies::contains).toList();
        return ordered.isEmpty() ? null : String.join(", ", ordered);
    }

    private static void checkCommon(Map<String, Object> body) {
        if (body.containsKey("passwordPolicies")) {
            passwordPolicies(body.get("passwordPolicies"));
        }
        Object location = body.get("usageLocation");
        if (location != null
                && (!(location instanceof String code) || !COUNTRY.matcher(code).matches())) {
            throw GraphRefusal.invalidValue("usageLocation");
        }
        if (body.get("passwordProfile") instanceof Map<?, ?> profile && profile.get("password") != null) {
            if (!(profile.get("password") instanceof String password) || !complex(password)) {
                throw GraphRefusal.badRequest("The specified password does not comply with password complexity"
                        + " requirements. Please provide a different password.");
            }
        }
    }

    private static void onlyKnown(Map<String, Object> body, Set<String> known) {
        for (String property : body.keySet()) {
            if (!known.contains(property)) {
                throw GraphRefusal.badRequest(
                        "The property '" + property + "' does not exist on type"
                                + " 'microsoft.graph.user'. Make sure to only use property names that are defined by the type.");
            }
        }
    }

    static boolean complex(String password) {
        if (password.length() < 8 || password.length() > 256) {
            return false;
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return kinds >= 3;
    }
}
