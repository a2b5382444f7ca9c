package io.serviceaccountbot.chat.approvals;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.RequestStatus;
import io.serviceaccountbot.chat.PeopleNames;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.TenantException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The lines at the foot of the requester's card while the request waits: that too few approvers may decide it, which
 * approvers the card did not reach (no personal chat with the bot yet) and how to withdraw the request. Worked out afresh each time the card is drawn, so
 * an approver who opens a personal chat later, and gets the card then, is no longer named. A decided request has none.
 */
@Component
class RequesterCardNotes {

    /** How many unreachable approvers are named; each name is one directory lookup. */
    private static final int NAMED_UNREACHABLE = 5;

    private final ApprovalRecipients recipients;
    private final Directory directory;

    RequesterCardNotes(ApprovalRecipients recipients, Directory directory) {
        this.recipients = recipients;
        this.directory = directory;
    }

    /** The notes for the request as the bot's conversations stand now. */
    List<String> of(ApprovalRequest request) {
        return request.status() == RequestStatus.PENDING ? of(request, recipients.of(request)) : List.of();
    }

    /** The notes for a request about to be sent to {@code recipients}. */
    List<String> of(ApprovalRequest request, ApprovalRecipients.Recipients recipients) {
        if (request.status() != RequestStatus.PENDING) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        tooFewDeciders(request).ifPresent(notes::add);
        int reachable =
                recipients.approverChats().size() + recipients.channels().size();
        if (reachable == 0) {
            notes.add("⚠️ I could not send this card to any approver: none of them has a personal chat with me yet,"
                    + " and no approvals channel is set up. Ask an approver to install the bot in Teams; they then"
                    + " get this card and can decide on it, or with approve " + request.number() + ".");
        } else if (!recipients.unreachable().isEmpty()) {
            notes.add("⚠️ " + unreachableNames(recipients.unreachable()) + " did not get this card: no personal chat"
                    + " with me yet. Ask them to install the bot in Teams if you need their decision; they then get"
                    + " this card and can decide on it, or with approve " + request.number() + ".");
        }
        notes.add("You can withdraw the request with cancel " + request.number() + ".");
        return notes;
    }

    /**
     * When fewer approvers may decide than the approvals needed (the others asked for it, or gain access with it, e.g.
     * as members of the group it goes through), the request can never be approved: say so rather than let it wait.
     */
    static Optional<String> tooFewDeciders(ApprovalRequest request) {
        int deciders = request.possibleDeciders().size();
        if (deciders >= request.quorum()) {
            return Optional.empty();
        }
        String group = request.groupAccess().group();
        return Optional.of("⚠️ Not enough approvers can decide this request: it needs " + request.quorum()
                + (request.quorum() == 1 ? " approval" : " approvals") + ", and only " + deciders
                + (deciders == 1 ? " approver is" : " approvers are") + " left once those who asked for it or gain"
                + " access with it" + (group == null ? "" : " (the members of group '" + group + "')")
                + " are set aside. It cannot be approved as it stands: withdraw it with cancel " + request.number()
                + " and ask again through another group, or have more approvers added.");
    }

    private String unreachableNames(List<String> objectIds) {
        List<String> names = new ArrayList<>();
        for (String objectId : objectIds.subList(0, Math.min(NAMED_UNREACHABLE, objectIds.size()))) {
            try {
                names.add(directory
                        .findUser(objectId)
                        .map(DirectoryUser::displayName)
                        .orElse("An approver"));
            } catch (TenantException e) {
                names.add("An approver");
            }
        }
        if (objectIds.size() > NAMED_UNREACHABLE) {
            names.add((objectIds.size() - NAMED_UNREACHABLE) + " more approvers");
        }
        return PeopleNames.join(names);
    }
}
