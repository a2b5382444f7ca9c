package io.serviceaccountbot.access;

import io.serviceaccountbot.approval.ApproverDirectory;
import io.serviceaccountbot.command.Role;
import io.serviceaccountbot.tenant.Directory;
import java.util.Set;

/** The approvers are the members, nested ones included, of the configured approvers group in Entra ID. */
class EntraApproverDirectory implements ApproverDirectory {

    private final Directory directory;
    private final AccessControl access;
    private final String approversGroupId;

    EntraApproverDirectory(Directory directory, AccessControl access, String approversGroupId) {
        this.directory = directory;
        this.access = access;
        this.approversGroupId = approversGroupId;
    }

    @Override
    public Set<String> approvers() {
        return directory.transitiveUserMembers(approversGroupId);
    }

    @Override
    public boolean isApprover(String aadObjectId) {
        return access.currentRolesOf(aadObjectId).contains(Role.APPROVER);
    }
}
