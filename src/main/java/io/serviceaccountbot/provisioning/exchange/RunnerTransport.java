package io.serviceaccountbot.provisioning.exchange;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cmdlets on Exchange Server, each as one job of the runner's runbook ({@link ExchangeServerRunner}), named by a fresh
 * UUID. Every {@link io.serviceaccountbot.provisioning.ExchangeAdmin} operation is safe to repeat, so a job that is
 * started again after a restart does no harm; following the same job again instead needs the plan's step to name it,
 * which the plans do not do yet.
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
        String jobName = ExchangeServerRunner.jobName(UUID.randomUUID().toString());
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
