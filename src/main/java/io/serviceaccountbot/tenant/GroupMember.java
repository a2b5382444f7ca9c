package io.serviceaccountbot.tenant;

/**
 * A direct member of a group, as the directory lists it.
 *
 * @param id its Entra object id
 * @param displayName its name as people read it
 * @param userPrincipalName a user's sign-in name; null for a group or any other object
 * @param group whether it is itself a group, whose own members the bot would have to look up in turn
 */
public record GroupMember(String id, String displayName, String userPrincipalName, boolean group) {

    /** The name to show: the display name, else the sign-in name, else the object id. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        return userPrincipalName != null ? userPrincipalName : id;
    }
}
