package io.serviceaccountbot.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Exchange naming rules for the values a command carries.
 *
 * <p>Sources:
 *
 * <ul>
 *   <li>Group Name: <a href="https://learn.microsoft.com/powershell/module/exchange/new-distributiongroup#-name">
 *       New-DistributionGroup -Name</a>, "The maximum length is 64 characters".
 *   <li>Role group Name: <a href="https://learn.microsoft.com/powershell/module/exchange/new-rolegroup#-name">
 *       New-RoleGroup -Name</a>, "The name can contain up to 64 characters".
 *   <li>Application roles: "Supported Application Roles" in <a
 *       href="https://learn.microsoft.com/exchange/permissions-exo/application-rbac">Role Based Access Control for
 *       Applications in Exchange Online</a>.
 *   <li>SMTP address: RFC 5321 section 4.5.3.1 (64 characters before the @, 255 after, 254 for a whole address) and
 *       RFC 5322 section 3.2.3 (the dot-atom characters allowed before the @).
 * </ul>
 *
 * <p>Lengths are counted in UTF-16 code units, as Exchange (a .NET service) counts them. Names may not hold control
 * characters: that is our own rule, since Teams can't show them and they are stripped from input anyway.
 */
public final class ExchangeRules {

    /**
     * The application roles of RBAC for Applications, as Exchange Online names them. A new role is one line here.
     */
    public static final List<String> APPLICATION_ROLES = List.of(
            "Application Mail.Read",
            "Application Mail.ReadBasic",
            "Application Mail.ReadWrite",
            "Application Mail.Send",
            "Application MailboxSettings.Read",
            "Application MailboxSettings.ReadWrite",
            "Application Calendars.Read",
            "Application Calendars.ReadWrite",
            "Application Contacts.Read",
            "Application Contacts.ReadWrite",
            "Application Mail Full Access",
            "Application Exchange Full Access",
            "Application EWS.AccessAsApp");

    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern DOT_ATOM = Pattern.compile(ATEXT + "(?:\\." + ATEXT + ")*");
    private static final Pattern DNS_NAME = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** The Name of a group (a mail-enabled security group): 1 to 64 characters. */
    public static final ValueRule GROUP_NAME = ValueRule.about("group name", "Exchange Sync Accounts")
            .must("a group name can't be empty", value -> !value.isEmpty())
            .must("a group name can be at most 64 characters long", value -> value.length() <= 64)
            .must("a group name can't contain control characters", ExchangeRules::noControlCharacters)
            .build();

    /** The Name of a role group: 1 to 64 characters. */
    public static final ValueRule ROLE_GROUP_NAME = ValueRule.about("role group name", "Exchange sync role group")
            .must("a role group name can't be empty", value -> !value.isEmpty())
            .must("a role group name can be at most 64 characters long", value -> value.length() <= 64)
            .must("a role group name can't contain control characters", ExchangeRules::noControlCharacters)
            .build();

    /** An SMTP address such as alex@contoso.com. */
    public static final ValueRule SMTP_ADDRESS = ValueRule.about("mailbox address", "alex@contoso.com")
            .must(
                    "a mailbox address has exactly one @, like alex@contoso.com",
                    value -> value.indexOf('@') > 0 && value.indexOf('@') == value.lastIndexOf('@'))
            .must("a mailbox address can be at most 254 characters long", value -> value.length() <= 254)
            .must(
                    "the part before the @ can be at most 64 characters long",
                    value -> local(value).length() <= 64)
            .must(
                    "the part before the @ may only contain letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~,"
                            + " with single periods between them",
                    value -> DOT_ATOM.matcher(local(value)).matches())
            .must(
                    "the part after the @ must be a domain name such as contoso.com",
                    value -> DNS_NAME.matcher(domain(value)).matches())
            .build();

    /**
     * One application role, with or without its "Application " prefix and in any case; normalised to Exchange's
     * spelling.
     */
    public static final ValueRule APPLICATION_ROLE = ValueRule.about("application role", "Application Mail.ReadWrite")
            .normalise(value -> knownRole(value).orElse(value))
            .must(
                    "an application role is one of Exchange Online's: " + String.join(", ", APPLICATION_ROLES),
                    APPLICATION_ROLES::contains)
            .build();

    private ExchangeRules() {}

    private static Optional<String> knownRole(String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return APPLICATION_ROLES.stream()
                .filter(role -> role.toLowerCase(Locale.ROOT).equals(wanted)
                        || role.substring("Application ".length())
                                .toLowerCase(Locale.ROOT)
                                .equals(wanted))
                .findFirst();
    }

    private static boolean noControlCharacters(String value) {
        return value.codePoints().noneMatch(Character::isISOControl);
    }

    private static String local(String address) {
        int at = address.indexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    private static String domain(String address) {
        int at = address.indexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }
}
