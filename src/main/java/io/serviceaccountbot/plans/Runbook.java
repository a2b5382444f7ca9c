package io.serviceaccountbot.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A plan that can run: its steps in the words an admin reads on the approval card, each with the action that carries
 * it out. The same runbook gives the preview and the execution, so what approvers read is what runs. Actions only do
 * what is still missing ("create if absent, then read back and compare"), so a runbook can run again after a failure.
 */
public final class Runbook {

    /**
     * One step.
     *
     * @param words what it does, e.g. "Add svc-sync@contoso.com to it"
     * @param action what carries it out and how it went
     * @param restore when a run resumes after this step was done in an earlier attempt, what re-learns (reading only)
     *     what later steps need from it; most steps leave nothing behind and do nothing here
     * @param alsoApprovedAs other words approvers may have read for this very step, when the words depend only on what
     *     the tenant held when the plan was drafted and the step does the same either way; null for most steps
     */
    public record Step(String words, Supplier<StepOutcome> action, Runnable restore, String alsoApprovedAs) {

        /** This step with another action, e.g. one that says why it runs again. */
        public Step withAction(Supplier<StepOutcome> other) {
            return new Step(words, other, restore, alsoApprovedAs);
        }
    }

    private final String title;
    private final String target;
    private final String targetObjectId;
    private final List<Step> steps;
    private final Supplier<String> secretLocation;
    private final PlanPreview.ThroughGroup throughGroup;
    private final List<String> nextSteps;

    private Runbook(
            String title,
            String target,
            String targetObjectId,
            List<Step> steps,
            Supplier<String> secretLocation,
            PlanPreview.ThroughGroup throughGroup,
            List<String> nextSteps) {
        this.title = title;
        this.target = target;
        this.targetObjectId = targetObjectId;
        this.steps = List.copyOf(steps);
        this.secretLocation = secretLocation;
        this.throughGroup = throughGroup;
        this.nextSteps = List.copyOf(nextSteps);
    }

    /** The same runbook, ending its report with what others do next once every step went well. */
    public Runbook withNextSteps(List<String> next) {
        return new Runbook(title, target, targetObjectId, steps, secretLocation, throughGroup, next);
    }

    /** What others do next once every step went well; empty when nothing. */
    public List<String> nextSteps() {
        return nextSteps;
    }

    public static Builder titled(String title) {
        return new Builder(title);
    }

    public PlanPreview.Ready preview() {
        return new PlanPreview.Ready(
                title, steps.stream().map(Step::words).toList(), target, targetObjectId, throughGroup);
    }

    public String title() {
        return title;
    }

    public List<Step> steps() {
        return steps;
    }

    /** This runbook with the step at {@code ordinal} replaced. */
    public Runbook withStep(int ordinal, Step step) {
        List<Step> changed = new ArrayList<>(steps);
        changed.set(ordinal, step);
        return new Runbook(title, target, targetObjectId, changed, secretLocation, throughGroup, nextSteps);
    }

    /** Where the generated password is, once the steps that make it have run (or been restored); else null. */
    public String secretLocation() {
        return secretLocation.get();
    }

    /** Puts a runbook together, step by step. */
    public static final class Builder {
        private final String title;
        private final List<Step> steps = new ArrayList<>();
        private String target;
        private String targetObjectId;
        private Supplier<String> secretLocation = () -> null;
        private PlanPreview.ThroughGroup throughGroup;

        private Builder(String title) {
            this.title = title;
        }

        public Builder target(String name, String objectId) {
            this.target = name;
            this.targetObjectId = objectId;
            return this;
        }

        public Builder step(String words, Supplier<StepOutcome> action) {
            return step(words, action, () -> {});
        }

        /** A step that later steps depend on: {@code restore} re-learns what it found when a run resumes after it. */
        Builder step(String words, Supplier<StepOutcome> action, Runnable restore) {
            steps.add(new Step(words, action, restore, null));
            return this;
        }

        /**
         * The step just added may also have been approved in these words: they describe the same action, drafted
         * against the tenant as it was then (e.g. "Create the user …" before an earlier attempt created it).
         */
        Builder alsoApprovedAs(String words) {
            Step last = steps.remove(steps.size() - 1);
            steps.add(new Step(last.words(), last.action(), last.restore(), words));
            return this;
        }

        /** Access goes through this group, whose members gain it too. */
        Builder throughGroup(PlanPreview.ThroughGroup group) {
            this.throughGroup = group;
            return this;
        }

        Builder secretLocation(Supplier<String> where) {
            this.secretLocation = where;
            return this;
        }

        public Runbook build() {
            return new Runbook(
                    title,
                    target == null ? title : target,
                    targetObjectId,
                    steps,
                    secretLocation,
                    throughGroup,
                    List.of());
        }
    }
}
