package io.serviceaccountbot.command;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Microsoft Entra ID (Microsoft Graph) naming rules for the values a command carries.
 *
 * <p>Each rule follows Microsoft's published limits and says so where it is stricter. Sources:
 *
 * <ul>
 *   <li>User principal name: "Username policies", Microsoft Entra ID, <a
 *       href="https://learn.microsoft.com/entra/identity/authentication/concept-sspr-policy#username-policies">
 *       concept-sspr-policy</a>: characters A-Z a-z 0-9 ' . - _ ! # ^ ~; no period right before the @; at most 64
 *       characters before the @, 48 after it, 113 in all. No leading period: <a
 *       href="https://learn.microsoft.com/troubleshoot/microsoft-365/admin/users/username-contains-special-character">
 *       "Invalid user name" when a user name contains a special character</a>.
 *   <li>mailNickname: Graph <a href="https://learn.microsoft.com/graph/api/resources/user">user resource</a>, maximum
 *       length 64; allowed characters from Exchange's -Alias parameter, <a
 *       href="https://learn.microsoft.com/powershell/module/exchange/new-mailbox#-alias">New-Mailbox</a>.
 *   <li>displayName: Graph user resource, maximum length 256.
 *   <li>usageLocation: Graph user resource, "a two-letter country code (ISO standard 3166)".
 *   <li>Licences: skuPartNumber of <a href="https://learn.microsoft.com/graph/api/resources/subscribedsku">
 *       subscribedSku</a>; E1, E3 and E5 per <a
 *       href="https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference">Product names and
 *       service plan identifiers for licensing</a> (Office 365 E1 = STANDARDPACK, E3 = ENTERPRISEPACK, E5 =
 *       ENTERPRISEPREMIUM).
 *   <li>App id: the application (client) id of an Entra app registration, a GUID (<a
 *       href="https://learn.microsoft.com/powershell/module/exchange/new-serviceprincipal">New-ServicePrincipal
 *       -AppId</a>).
 * </ul>
 */
public final class DirectoryRules {

    /** Friendly licence names admins type, and the skuPartNumber each stands for. */
    public static final Map<String, String> LICENSE_SHORT_NAMES =
            Map.of("E1", "STANDARDPACK", "E3", "ENTERPRISEPACK", "E5", "ENTERPRISEPREMIUM");

    private static final String UPN_CHARACTERS = "letters, digits and ' . - _ ! # ^ ~";
    private static final Pattern UPN_LOCAL = Pattern.compile("[A-Za-z0-9'._!#^~-]+");
    private static final Pattern DNS_NAME = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern NICKNAME = Pattern.compile("[A-Za-z0-9!#%*+/=?^_~$&'`{}|.\\u00A1-\\u00FF-]+");
    private static final Pattern LICENSE_TOKEN = Pattern.compile("[A-Za-z0-9_()/.+ -]+");
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * The alias of an account the bot creates. It becomes both the mailNickname and the part of the user principal
     * name before the @, so it must satisfy both: the UPN's characters (stricter than a mailNickname's) and at most 64
     * characters. Periods follow Exchange's rule: not first, not last, not two in a row.
     */
    public static final ValueRule NEW_ACCOUNT_ALIAS = ValueRule.about("alias", "svc-sync")
            .must("an alias can't be empty", value -> !value.isEmpty())
            .must("an alias can be at most 64 characters long", value -> value.length() <= 64)
            .must("an alias may only contain " + UPN_CHARACTERS + ", and no spaces", UPN_LOCAL.asMatchPredicate())
            .must(
                    "an alias can't start or end with a period, or have two periods in a row",
                    DirectoryRules::periodsSurrounded)
            .build();

    /**
     * The alias (mailNickname) of an existing account: at most 64 characters; letters, digits, ! # % * + - / = ? ^ _
     * ~ $ &amp; ' ` { } |, the Latin-1 characters U+00A1 to U+00FF, and periods surrounded by other characters.
     */
    public static final ValueRule MAIL_NICKNAME = ValueRule.about("alias", "svc-sync")
            .must("an alias can't be empty", value -> !value.isEmpty())
            .must("an alias can be at most 64 characters long", value -> value.length() <= 64)
            .must(
                    "an alias may only contain letters, digits and ! # % * + - / = ? ^ _ ~ $ & ' ` { } | . , and no spaces",
                    NICKNAME.asMatchPredicate())
            .must(
                    "an alias can't start or end with a period, or have two periods in a row",
                    DirectoryRules::periodsSurrounded)
            .build();

    /** A user principal name (sign-in name) such as svc-sync@contoso.com, per Entra's username policy. */
    public static final ValueRule USER_PRINCIPAL_NAME = ValueRule.about("user principal name", "svc-sync@contoso.com")
            .must(
                    "a user principal name has exactly one @, like svc-sync@contoso.com",
                    value -> value.indexOf('@') > 0 && value.indexOf('@') == value.lastIndexOf('@'))
            .must("a user principal name can be at most 113 characters long", value -> value.length() <= 113)
            .must(
                    "the part before the @ can be at most 64 characters long",
                    value -> local(value).length() <= 64)
            .must(
                    "the part before the @ may only contain " + UPN_CHARACTERS + ", and no spaces",
                    value -> UPN_LOCAL.matcher(local(value)).matches())
            .must(
                    "the part before the @ can't start with a period or end with one",
                    value -> !local(value).startsWith(".") && !local(value).endsWith("."))
            .must(
                    "the domain after the @ can be at most 48 characters long",
                    value -> domain(value).length() <= 48)
            .must(
                    "the part after the @ must be a domain name such as contoso.com",
                    value -> DNS_NAME.matcher(domain(value)).matches())
            .build();

    /** A display name: 1 to 256 characters. */
    public static final ValueRule DISPLAY_NAME = ValueRule.about("display name", "Salesforce Exchange Sync")
            .must("a display name can't be empty", value -> !value.isEmpty())
            .must("a display name can be at most 256 characters long", value -> value.length() <= 256)
            .build();

    /**
     * A usage location: two letters, upper-cased. Whether the letters name a real country is left to Graph, which
     * knows codes (such as XK) that the JDK's country list lacks.
     */
    public static final ValueRule USAGE_LOCATION = ValueRule.about("country code", "US")
            .normalise(InputText::upperCaseAscii)
            .must(
                    "a country code is the two-letter ISO 3166 code of the user's country, such as US, GB or DE",
                    value -> value.matches("[A-Z]{2}"))
            .build();

    /**
     * A licence: a skuPartNumber, or E1, E3 or E5. Our own character rule, drawn from Microsoft's published SKU list
     * (which includes names such as {@code Microsoft_365_E5_(no_Teams)}): letters, digits, spaces and _ ( ) / . - +, at
     * most 128 characters. Whether the tenant owns the SKU is checked when the plan runs.
     */
    public static final ValueRule LICENSE = ValueRule.about("licence", "E1")
            .normalise(value -> LICENSE_SHORT_NAMES.getOrDefault(InputText.upperCaseAscii(value), value))
            .must("a licence can't be empty", value -> !value.isEmpty())
            .must("a licence name can be at most 128 characters long", value -> value.length() <= 128)
            .must(
                    "a licence is E1, E3, E5 or a SKU part number such as STANDARDPACK (letters, digits and _ ( ) / . - +)",
                    LICENSE_TOKEN.asMatchPredicate())
            .build();

    /** An Entra application (client) id: a GUID, with or without braces; normalised to lower case without braces. */
    public static final ValueRule APP_ID = ValueRule.about("app id", "6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71")
            .normalise(value -> stripBraces(value).toLowerCase(Locale.ROOT))
            .must(
                    "an app id is the application (client) id of the app registration, a GUID like"
                            + " 6f1c9a5e-2b7d-4c1e-9a3f-8d2e4b6c0a71",
                    GUID.asMatchPredicate())
            .build();

    private DirectoryRules() {}

    private static boolean periodsSurrounded(String value) {
        return !value.startsWith(".") && !value.endsWith(".") && !value.contains("..");
    }

    private static String stripBraces(String value) {
        return value.startsWith("{") && value.endsWith("}") && value.length() > 1
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static String local(String upn) {
        int at = upn.indexOf('@');
        return at < 0 ? upn : upn.substring(0, at);
    }

    private static String domain(String upn) {
        int at = upn.indexOf('@');
        return at < 0 ? "" : upn.substring(at + 1);
    }
}
