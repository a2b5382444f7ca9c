package io.serviceaccountbot.approval;

import java.util.Objects;

/**
 * Someone who asks or decides, identified by the Entra object id Teams reported for them (never by anything a card
 * carries).
 *
 * @param aadObjectId the Entra object id
 * @param name the display name, for people reading the card
 */
public record Person(String aadObjectId, String name) {

    public Person {
        Objects.requireNonNull(aadObjectId, "aadObjectId");
        name = name == null || name.isBlank() ? aadObjectId : name;
    }

    /** Whether this is the same person, by object id. */
    public boolean is(String objectId) {
        return objectId != null && aadObjectId.equalsIgnoreCase(objectId);
    }
}
