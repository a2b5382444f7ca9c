package io.serviceaccountbot.provisioning.graph;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostResponse;
import com.microsoft.kiota.ApiException;
import io.serviceaccountbot.provisioning.Directory;
import io.serviceaccountbot.provisioning.DirectoryUnavailableException;
import io.serviceaccountbot.provisioning.DirectoryUser;
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

    private static DirectoryUser toDirectoryUser(User user) {
        return new DirectoryUser(
                user.getId(),
                user.getDisplayName(),
                user.getUserPrincipalName(),
                user.getMailNickname(),
                Boolean.TRUE.equals(user.getAccountEnabled()));
    }

    private static DirectoryUnavailableException unavailable(String what, RuntimeException e) {
        String detail = e instanceof ODataError error && error.getError() != null
                ? "HTTP %d %s"
                        .formatted(
                                error.getResponseStatusCode(), error.getError().getCode())
                : e instanceof ApiException api
                        ? "HTTP " + api.getResponseStatusCode()
                        : e.getClass().getSimpleName();
        return new DirectoryUnavailableException("Microsoft Graph could not " + what + ": " + detail, e);
    }
}
