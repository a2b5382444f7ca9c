package io.serviceaccountbot.approval;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who else gains access with a request: when access is granted through a group that exists already, its members as
 * they were when the request was planned. Approvers read them on the card, none of them may decide the request, and
 * the run stops rather than grant access to anyone who joined the group since.
 *
 * @param group the group's name; null when access goes through no existing group
 * @param members its members then, by Entra object id and display name
 */
public record GroupAccess(String group, List<Person> members) {

    private static final GroupAccess NONE = new GroupAccess(null, List.of());

    public GroupAccess {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** No group with members: only the target gains access. */
    public static GroupAccess none() {
        return NONE;
    }

    /** Whether this person is one of the members who gain access. */
    public boolean includes(String aadObjectId) {
        return members.stream().anyMatch(member -> member.is(aadObjectId));
    }

    /** The members' object ids, in lower case. */
    public Set<String> memberIds() {
        return members.stream()
                .map(member -> member.aadObjectId().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
