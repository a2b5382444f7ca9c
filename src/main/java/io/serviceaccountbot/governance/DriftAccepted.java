package io.serviceaccountbot.governance;

import io.serviceaccountbot.approval.Person;
import java.util.List;

/**
 * An approver accepted a grant's drift: the tenant as it is now is what is approved from here on.
 *
 * @param grant the grant as accepted
 * @param by the approver
 * @param accepted the differences that are approved now
 */
public record DriftAccepted(WatchedGrant grant, Person by, List<Difference> accepted) {

    public DriftAccepted {
        accepted = List.copyOf(accepted);
    }
}
