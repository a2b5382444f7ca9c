package io.serviceaccountbot.chat;

import io.serviceaccountbot.teams.Activity;

/**
 * The person behind an activity, as Teams identifies them. Only {@code aadObjectId} is trusted for authorisation:
 * it comes from the authenticated activity's {@code from}, never from card data.
 *
 * @param aadObjectId the Entra object id, or null when Teams sent none
 * @param name the display name Teams sent, or null
 */
public record Caller(String aadObjectId, String name) {

    static Caller of(Activity activity) {
        Activity.ChannelAccount from = activity.from();
        return from == null ? new Caller(null, null) : new Caller(from.aadObjectId(), from.name());
    }

    String nameOr(String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
