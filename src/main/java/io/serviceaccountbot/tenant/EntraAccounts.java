package io.serviceaccountbot.tenant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Service accounts in Microsoft Entra ID, for an organisation on Exchange Online: the {@link Directory} itself. */
final class EntraAccounts implements AccountDirectory {

    private final Directory directory;

    EntraAccounts(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "Microsoft Entra ID";
    }

    @Override
    public boolean licensed() {
        return true;
    }

    @Override
    public List<VerifiedDomain> domains() {
        return directory.verifiedDomains();
    }

    @Override
    public Optional<DirectoryUser> findUser(String objectIdOrUpn) {
        return directory.findUser(objectIdOrUpn);
    }

    @Override
    public Optional<DirectoryUser> findUserByAlias(String alias) {
        return directory.findUserByAlias(alias);
    }

    @Override
    public List<DirectoryUser> findUsersByUpnOrAlias(String userPrincipalName, String alias) {
        return directory.findUsersByUpnOrAlias(userPrincipalName, alias);
    }

    @Override
    public DirectoryUser createUser(NewUser user) {
        return directory.createUser(user);
    }

    @Override
    public void setPasswordPolicies(String userId, Set<String> policies) {
        directory.setPasswordPolicies(userId, policies);
    }

    @Override
    public MailboxStatus mailboxStatus(String userId) {
        return directory.mailboxStatus(userId);
    }
}
