package io.serviceaccountbot.teams;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers {@code invoke} activities synchronously, within Teams' time limit. Card actions ({@code
 * adaptiveCard/action}) get an invoke response Teams shows in place of the card; other invoke names are not
 * supported and say so.
 */
@Component
class CardActionTurn {

    static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";

    ResponseEntity<?> answer(Activity activity) {
        if (!ADAPTIVE_CARD_ACTION.equals(activity.name())) {
            return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED)
                    .body(ActivityController.error(
                            "NotImplemented",
                            "This bot does not handle '" + ActivityCheck.shorten(String.valueOf(activity.name()))
                                    + "' invokes."));
        }
        return ResponseEntity.ok(InvokeResponse.message("This card is no longer active, so nothing changed."));
    }
}
