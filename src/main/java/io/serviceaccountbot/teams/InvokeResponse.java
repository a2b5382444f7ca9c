package io.serviceaccountbot.teams;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.node.ObjectNode;

/**
 * The synchronous answer to an {@code adaptiveCard/action} invoke: a card that replaces the clicked one, or a message
 * Teams shows as a banner.
 *
 * @param statusCode 200 for an answer Teams should show
 * @param type the content type of {@code value}
 * @param value the card, or the message text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvokeResponse(int statusCode, String type, Object value) {

    public static InvokeResponse card(ObjectNode card) {
        return new InvokeResponse(200, OutgoingActivity.ADAPTIVE_CARD, card);
    }

    public static InvokeResponse message(String text) {
        return new InvokeResponse(200, "application/vnd.microsoft.activity.message", text);
    }
}
