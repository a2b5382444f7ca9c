package io.serviceaccountbot.plans;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Salesforce Einstein Activity Capture on Exchange Online ({@code setup exchange sync for group "<group>"}).
 *
 * @param appId the application (client) id of Salesforce's Activity Capture app in Entra ID
 * @param roles the Exchange application roles the app gets within the group's scope when the command names none:
 *     reading email, and the calendar events and contacts Activity Capture syncs both ways
 */
@ConfigurationProperties("bot.salesforce")
public record SalesforceProperties(
        @DefaultValue("c55d6177-918e-4745-96d3-1715194bc7e8")
        String appId,

        @DefaultValue({"Application Mail.Read", "Application Calendars.ReadWrite", "Application Contacts.ReadWrite"})
        List<String> roles,

        @DefaultValue("2h") Duration propagationCheck) {

    public SalesforceProperties {
        appId = UUID.fromString(appId.strip()).toString();
        roles = roles.stream()
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .distinct()
                .toList();
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("bot.salesforce.roles names no role");
        }
    }
}
