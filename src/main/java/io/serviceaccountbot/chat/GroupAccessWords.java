package io.serviceaccountbot.chat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.GroupAccess;
import io.serviceaccountbot.approval.Person;
import java.util.ArrayList;
import java.util.List;

/**
 * Who gains access with a request that goes through a group that exists already, in the card's words: how many people,
 * the first few by name, and how many more. The group's members come from the plan; they are stored with the request.
 */
public final class GroupAccessWords {

    /** How many members are named on the card; the others are counted. */
    static final int NAMED = 5;

    private GroupAccessWords() {}

    /**
     * E.g. "4 people: svc-sync@contoso.com and the 3 members of group 'Sales Sync': Megan Bowen, Adele Vance and Lynne
     * Robbins"; null when only the account gains access.
     */
    static String whoGainsAccess(ApprovalRequest request) {
        GroupAccess access = request.groupAccess();
        if (access.members().isEmpty()) {
            return null;
        }
        int count = access.members().size();
        List<String> names = new ArrayList<>(
                access.members().stream().limit(NAMED).map(Person::name).toList());
        if (count > NAMED) {
            names.add((count - NAMED) + " more");
        }
        return (count + 1) + " people: " + request.target() + " and the " + count
                + (count == 1 ? " member" : " members") + " of group '" + access.group() + "': "
                + PeopleNames.join(names);
    }
}
