package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandParser;
import io.serviceaccountbot.command.ParseResult;
import io.serviceaccountbot.command.RequestId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an approval request looks in its table and back: rows to requests, and the lists (plan steps, eligible
 * approvers) as JSON arrays in text columns, which both PostgreSQL and H2 store alike.
 */
final class StoredRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<StoredMember>> MEMBERS = new TypeReference<>() {};

    private StoredRequests() {}

    /** The same request with another stored version, as a save returns it. */
    static ApprovalRequest withVersion(ApprovalRequest request, long version) {
        return ApprovalRequest.restore(
                request.id(),
                request.number(),
                request.draft(),
                request.createdAt(),
                request.expiresAt(),
                request.quorum(),
                request.eligibleApprovers(),
                request.decisions(),
                request.status(),
                request.outcome(),
                request.cardVersion(),
                version);
    }

    static Row request(ResultSet rs, int rowNumber) throws SQLException {
        return new Row(
                new ApprovalRequestId(rs.getObject("id", UUID.class)),
                new RequestId(rs.getString("number")),
                new ApprovalRequest.Draft(
                        privileged(rs.getString("number"), rs.getString("command")),
                        strings(rs.getString("plan")),
                        new Person(rs.getString("requester_id"), rs.getString("requester_name")),
                        rs.getString("target"),
                        rs.getString("target_object_id"),
                        rs.getString("justification"),
                        groupAccess(rs.getString("group_access_group"), rs.getString("group_access_members"))),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                rs.getInt("quorum"),
                Set.copyOf(strings(rs.getString("eligible_approvers"))),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getString("outcome"),
                rs.getInt("card_version"),
                rs.getLong("version"));
    }

    /**
     * The stored command, parsed back: it was stored as the canonical text of a parsed command, which the grammar's
     * round-trip tests keep parseable; a row that no longer parses is named rather than guessed at.
     */
    private static Command.Privileged privileged(String number, String text) {
        if (CommandParser.parse(text) instanceof ParseResult.Parsed parsed
                && parsed.command() instanceof Command.Privileged privileged) {
            return privileged;
        }
        throw new IllegalStateException("Request " + number + " holds a command that no longer parses: " + text);
    }

    static DecisionRow decision(ResultSet rs, int rowNumber) throws SQLException {
        return new DecisionRow(
                rs.getObject("request_id", UUID.class),
                new Decision(
                        new Person(rs.getString("approver_id"), rs.getString("approver_name")),
                        Decision.Verdict.valueOf(rs.getString("verdict")),
                        rs.getString("comment"),
                        instant(rs, "decided_at")));
    }

    /** A list as a JSON array, in its order. */
    static String jsonArray(List<String> strings) {
        return JSON.writeValueAsString(strings);
    }

    /** A set as a JSON array, sorted so that the same set is always stored the same way. */
    static String sortedJsonArray(Collection<String> strings) {
        return JSON.writeValueAsString(strings.stream().sorted().toList());
    }

    /** A {@code like} pattern (escape character {@code !}) that finds this string in a stored JSON array. */
    static String containingInJsonArray(String string) {
        String quoted = JSON.writeValueAsString(string);
        return "%" + quoted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** A group's members who gain access, as a JSON array of {@code {"id", "name"}}; null when there are none. */
    static String groupMembers(GroupAccess access) {
        if (access.group() == null) {
            return null;
        }
        return JSON.writeValueAsString(access.members().stream()
                .map(member -> new StoredMember(member.aadObjectId(), member.name()))
                .toList());
    }

    private static GroupAccess groupAccess(String group, String members) {
        if (group == null) {
            return GroupAccess.none();
        }
        List<StoredMember> stored = members == null ? List.of() : JSON.readValue(members, MEMBERS);
        return new GroupAccess(
                group,
                stored.stream()
                        .map(member -> new Person(member.id(), member.name()))
                        .toList());
    }

    /** A member as stored. */
    record StoredMember(String id, String name) {}

    private static List<String> strings(String json) {
        return JSON.readValue(json, STRINGS);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A request as its row has it, waiting for its decisions from the other table. */
    record Row(
            ApprovalRequestId id,
            RequestId number,
            ApprovalRequest.Draft draft,
            Instant createdAt,
            Instant expiresAt,
            int quorum,
            Set<String> eligibleApprovers,
            RequestStatus status,
            String outcome,
            int cardVersion,
            long version) {

        ApprovalRequest restore(List<Decision> decisions) {
            return ApprovalRequest.restore(
                    id,
                    number,
                    draft,
                    createdAt,
                    expiresAt,
                    quorum,
                    eligibleApprovers,
                    decisions,
                    status,
                    outcome,
                    cardVersion,
                    version);
        }
    }

    /** A decision and the request it belongs to. */
    record DecisionRow(UUID requestId, Decision decision) {}
}
