package io.serviceaccountbot.plans;

/** What a command comes to in this organisation: a runbook ready to run, or the reason there can be none. */
public sealed interface Drafted {

    /** The command can be carried out with this runbook. */
    record Ready(Runbook runbook) implements Drafted {}

    /** The command cannot be carried out here, whoever approves it. */
    record Refused(PlanPreview.Refused refusal) implements Drafted {}

    static Drafted refused(String reason, String alternative) {
        return new Refused(new PlanPreview.Refused(reason, alternative));
    }

    /** The preview people read. */
    default PlanPreview preview() {
        return this instanceof Ready ready ? ready.runbook().preview() : ((Refused) this).refusal();
    }
}
