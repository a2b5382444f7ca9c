package io.serviceaccountbot.tenant.exchange;

import java.util.List;

/**
 * The runbook's answer to one job: which Exchange server answered and what each cmdlet did, in the order asked.
 *
 * @param jobName the job's name, for the audit log and for finding the job in the Automation account
 * @param serverName the Exchange server the session reached, e.g. {@code EX01}
 * @param serverVersion its {@code AdminDisplayVersion}, e.g. {@code Version 15.2 (Build 1748.10)}
 */
record RunnerAnswer(String jobName, String serverName, String serverVersion, List<RunnerResult> results) {

    RunnerAnswer {
        results = List.copyOf(results);
    }

    /** The result of the cmdlet at that position of the batch. */
    RunnerResult result(int index) {
        return results.get(index);
    }
}
