package io.serviceaccountbot.approval;

import java.util.Set;

/** Who the approvers are, as the directory says; implemented outside this module, over Entra ID groups. */
public interface ApproverDirectory {

    /** The Entra object ids of everyone who may approve now (members of the approvers group, nested ones too). */
    Set<String> approvers();

    /** Whether this person may approve, asked of the directory now rather than from any cache. */
    boolean isApprover(String aadObjectId);
}
