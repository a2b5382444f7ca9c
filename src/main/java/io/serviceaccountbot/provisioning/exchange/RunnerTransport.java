package io.serviceaccountbot.provisioning.exchange;

import io.serviceaccountbot.provisioning.StepCallKeys;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cmdlets on Exchange Server, each as one job of the runner's runbook ({@link ExchangeServerRunner}). Within a plan's
 * step the job is named after the step's call ({@link StepCallKeys}), so a run taken over after a crash follows the
 * jobs the step had started instead of starting them again; outside a step it gets a fresh name.
 */
final class RunnerTransport implements CmdletTransport {

    private static final Logger log = LoggerFactory.getLogger(RunnerTransport.class);

    private final ExchangeServerRunner runner;
    private final ExchangeWarningListener warnings;

    RunnerTransport(ExchangeServerRunner runner, ExchangeWarningListener warnings) {
        this.runner = runner;
        this.warnings = warnings;
    }

    @Override
    public CmdletResult invoke(Cmdlet cmdlet) {
        String jobName = ExchangeServerRunner.jobName(
                StepCallKeys.next().orElseGet(() -> UUID.randomUUID().toString()));
        RunnerAnswer answer = runner.run(jobName, List.of(RunnerCall.of(cmdlet)));
        CmdletResult result = answer.result(0).orThrow(jobName);
        if (!result.warnings().isEmpty()) {
            result.warnings()
                    .forEach(warning -> log.warn(
                            "Exchange Server warned on {} (job {}): {}",
                            cmdlet,
                            jobName,
                            ExchangeErrors.printable(warning, 300)));
            warnings.onWarnings(cmdlet.name(), result.warnings());
        }
        return result;
    }

    @Override
    public String service() {
        return RunnerErrors.SERVICE;
    }
}
