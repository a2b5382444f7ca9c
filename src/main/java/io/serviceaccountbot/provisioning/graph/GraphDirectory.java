package io.serviceaccountbot.provisioning.graph;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostResponse;
import com.microsoft.kiota.ApiException;
import io.serviceaccountbot.provisioning.Directory;
import io.serviceaccountbot.provisioning.DirectoryUser;
import io.serviceaccountbot.provisioning.MailboxStatus;
import io.serviceaccountbot.provisioning.NewUser;
import io.serviceaccountbot.provisioning.Secret;
import io.serviceaccountbot.provisioning.SubscribedSku;
import io.serviceaccountbot.provisioning.TenantException;
import io.serviceaccountbot.provisioning.VerifiedDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Users and transitive group membership from Microsoft Graph. */
class GraphDirectory implements Directory {

    /** {@code checkMemberGroups} takes at most 20 group ids per call. */
    static final int MAX_GROUPS_PER_CHECK = 20;

    private final Supplier<GraphServiceClient> graph;

    GraphDirectory(Supplier<GraphServiceClient> graph) {
        this.graph = graph;
    }

    @Override
    public Optional<DirectoryUser> findUser(String objectIdOrUpn) {
        try {
            User user = graph.get()
                    .users()
                    .byUserId(objectIdOrUpn)
                    .get(request -> request.queryParameters.select =
                            new String[] {"id", "displayName", "userPrincipalName", "mailNickname", "accountEnabled"});
            return Optional.ofNullable(user).map(GraphDirectory::toDirectoryUser);
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("look up user", e);
        } catch (RuntimeException e) {
            throw unavailable("look up user", e);
        }
    }

    @Override
    public Set<String> memberGroups(String userObjectId, Collection<String> groupIds) {
        Set<String> found = new HashSet<>();
        List<String> ids = new ArrayList<>(groupIds);
        for (int from = 0; from < ids.size(); from += MAX_GROUPS_PER_CHECK) {
            CheckMemberGroupsPostRequestBody body = new CheckMemberGroupsPostRequestBody();
            body.setGroupIds(ids.subList(from, Math.min(ids.size(), from + MAX_GROUPS_PER_CHECK)));
            try {
                CheckMemberGroupsPostResponse response = graph.get()
                        .users()
                        .byUserId(userObjectId)
                        .checkMemberGroups()
                        .post(body);
                if (response != null && response.getValue() != null) {
                    found.addAll(response.getValue());
                }
            } catch (ApiException e) {
                if (e.getResponseStatusCode() == 404) {
                    return Set.of();
                }
                throw unavailable("check group membership", e);
            } catch (RuntimeException e) {
                throw unavailable("check group membership", e);
            }
        }
        return found;
    }

    @Override
    public Optional<DirectoryUser> findUserByAlias(String alias) {
        throw new UnsupportedOperationException("WIP: Graph adapter");
    }

    @Override
    public DirectoryUser createUser(NewUser user) {
        throw new UnsupportedOperationException("WIP: Graph adapter");
    }

    @Override
    public void resetPassword(String userId, Secret password) {
        throw new UnsupportedOperationException("WIP: Graph adapter");
    }

    @Override
    public void setUsageLocation(String userId, String countryCode) {
        throw new UnsupportedOperationException("WIP: Graph adapter");
    }

    @Override
    public List<SubscribedSku> subscribedSkus() {
        throw new UnsupportedOperationException("WIP: Graph adapter");
    }

    @Override
    public void assignLicense(String userId, String skuPartNumber) {
        throw new UnsupportedOperationException("WIP: Graph adapter");
    }

    @Override
    public MailboxStatus mailboxStatus(String userId) {
        throw new UnsupportedOperationException("WIP: Graph adapter");
    }

    @Override
    public List<VerifiedDomain> verifiedDomains() {
        throw new UnsupportedOperationException("WIP: Graph adapter");
    }

    private static DirectoryUser toDirectoryUser(User user) {
        return new DirectoryUser(
                user.getId(),
                user.getDisplayName(),
                user.getUserPrincipalName(),
                user.getMailNickname(),
                Boolean.TRUE.equals(user.getAccountEnabled()),
                user.getUsageLocation(),
                null,
                List.of(),
                false);
    }

    private static TenantException unavailable(String what, RuntimeException e) {
        String code = e instanceof ODataError error && error.getError() != null
                ? error.getError().getCode()
                : null;
        int status = e instanceof ApiException api ? api.getResponseStatusCode() : 0;
        String detail =
                status == 0 ? e.getClass().getSimpleName() : "HTTP " + status + (code == null ? "" : " " + code);
        return new TenantException(
                status == 429 ? TenantException.Kind.THROTTLED : TenantException.Kind.UNAVAILABLE,
                "Microsoft Graph",
                code,
                null,
                "Microsoft Graph could not " + what + ": " + detail,
                e);
    }
}
