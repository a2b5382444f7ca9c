package io.serviceaccountbot.sandbox;

import io.serviceaccountbot.identity.ConditionalOnSandboxMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /users/{id}/mailboxSettings}: 404 {@code MailboxNotEnabledForRESTAPI} until Exchange has created the
 * user's mailbox, which it does some time after a licence with Exchange is assigned.
 */
@RestController
@ConditionalOnSandboxMode
@RequestMapping(GraphGate.PREFIX)
class GraphMailboxEndpoint {

    private final SimulatedDirectory directory;

    GraphMailboxEndpoint(SimulatedDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/users/{idOrUpn}/mailboxSettings")
    Map<String, Object> mailboxSettings(@PathVariable String idOrUpn) {
        SimulatedUser user = directory.user(idOrUpn).orElseThrow(() -> GraphRefusal.notFound(idOrUpn));
        if (!user.hasMailbox(directory.now())) {
            throw new GraphRefusal(
                    HttpStatus.NOT_FOUND,
                    "MailboxNotEnabledForRESTAPI",
                    "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
                    List.of());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", ODataQuery.METADATA + "#users('" + user.id() + "')/mailboxSettings");
        json.put("archiveFolder", null);
        json.put(
                "automaticRepliesSetting",
                Map.of(
                        "status",
                        "disabled",
                        "externalAudience",
                        "all",
                        "internalReplyMessage",
                        "",
                        "externalReplyMessage",
                        ""));
        json.put("timeZone", "UTC");
        json.put("language", Map.of("locale", "en-US", "displayName", "English (United States)"));
        json.put(
                "workingHours",
                Map.of(
                        "daysOfWeek",
                        List.of("monday", "tuesday", "wednesday", "thursday", "friday"),
                        "startTime",
                        "08:00:00.0000000",
                        "endTime",
                        "17:00:00.0000000",
                        "timeZone",
                        Map.of("name", "UTC")));
        json.put("userPurpose", Map.of("value", "user"));
        json.put("dateFormat", "MM/dd/yyyy");
        json.put("timeFormat", "hh:mm tt");
        json.put("delegateMeetingMessageDeliveryOptions", "sendToDelegateOnly");
        return json;
    }
}
