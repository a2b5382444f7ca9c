package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What one cmdlet of a runner job did: ran and returned rows (Exchange's property names, as {@link ExchangeRows}
 * reads them) and warnings, failed with an error, or was skipped because an earlier one failed.
 *
 * @param error the failure when {@code status} is FAILED, otherwise null
 */
record RunnerResult(String cmdlet, Status status, List<JsonNode> rows, List<String> warnings, RunnerError error) {

    enum Status {
        OK,
        FAILED,
        SKIPPED
    }

    RunnerResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    static RunnerResult ok(String cmdlet, List<JsonNode> rows, List<String> warnings) {
        return new RunnerResult(cmdlet, Status.OK, rows, warnings, null);
    }

    static RunnerResult failed(String cmdlet, RunnerError error, List<String> warnings) {
        return new RunnerResult(cmdlet, Status.FAILED, List.of(), warnings, error);
    }

    static RunnerResult skipped(String cmdlet) {
        return new RunnerResult(cmdlet, Status.SKIPPED, List.of(), List.of(), null);
    }

    /**
     * The rows and warnings of a cmdlet that ran, as Exchange Online's client returns them.
     *
     * @throws TenantException the cmdlet's failure, or INVALID_REQUEST when it was skipped
     */
    CmdletResult orThrow(String jobName) {
        return switch (status) {
            case OK -> new CmdletResult(rows, warnings);
            case FAILED -> throw error.toException(cmdlet, jobName);
            case SKIPPED ->
                throw new TenantException(
                        Kind.INVALID_REQUEST,
                        RunnerErrors.SERVICE,
                        "Skipped",
                        jobName,
                        cmdlet + " did not run on Exchange Server because an earlier cmdlet of the job failed",
                        null);
        };
    }
}
