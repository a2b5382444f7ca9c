package io.serviceaccountbot.tenant;

import java.util.Optional;

/**
 * Names for the tenant calls of one attempt at a plan step, the same every time that attempt runs: a run taken over
 * after a crash does the interrupted step again under the same attempt, so each of its calls gets the name it had.
 * Exchange Server's runner names its jobs by them, and so follows a job the step started before the crash instead of
 * starting it twice; the answers of the jobs that had finished come back as they were, so the step decides as it did
 * then until it reaches the call it had not made. A try again inside the attempt (a plan's step runner) names its calls
 * afresh. Outside a step (planning, verification, chat answers) there is no name, and callers use a fresh one: those
 * calls only read, or change nothing that repeating would change again.
 */
public final class StepCallKeys {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private StepCallKeys() {}

    /**
     * Names the calls made on this thread until the scope is closed.
     *
     * @param attempt what the attempt is, e.g. the request, the step's ordinal and its attempt number
     */
    public static Scope open(String attempt) {
        return open(attempt, false);
    }

    /**
     * Names the calls made on this thread until the scope is closed.
     *
     * @param attempt what the attempt is, e.g. the request, the step's ordinal and its attempt number
     * @param resumed whether a run that stopped during this attempt had begun it, so its calls may have changed the
     *     tenant already, or may still do so (a runner job it started)
     */
    public static Scope open(String attempt, boolean resumed) {
        return open(attempt, resumed, false);
    }

    /**
     * Names the calls made on this thread until the scope is closed.
     *
     * @param attempt what the attempt is, e.g. the request, the step's ordinal and its attempt number
     * @param resumed whether a run that stopped during this attempt, or put it back to wait, had begun it
     * @param mayWait whether work the tenant has not ended yet may put the step back to be checked later ({@link
     *     TenantWorkPending}) rather than hold this thread until it ends
     */
    public static Scope open(String attempt, boolean resumed, boolean mayWait) {
        Scope scope = new Scope(attempt, CURRENT.get(), resumed, mayWait);
        CURRENT.set(scope);
        return scope;
    }

    /**
     * Whether the step on this thread may be put back while the tenant's work goes on ({@link TenantWorkPending});
     * false outside a plan's step, where callers wait for the answer.
     */
    public static boolean mayWait() {
        Scope scope = CURRENT.get();
        return scope != null && scope.mayWait;
    }

    /**
     * Whether the step on this thread carries on an attempt a stopped run had begun, in its first try: what that run
     * did outside the tenant (a password it stored for an account it asked for) must be kept, because a job it started
     * may use it even now.
     */
    public static boolean resuming() {
        Scope scope = CURRENT.get();
        return scope != null && scope.resumed && scope.tries == 1;
    }

    /** The name of the next call of the step that runs on this thread; empty when no step does. */
    public static Optional<String> next() {
        Scope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.of(scope.next());
    }

    /** The attempt whose calls run on this thread now, to tell one attempt's calls from another's; empty outside. */
    public static Optional<Object> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The step tries its action again: its later calls are new calls, with names of their own. */
    public static void tryingAgain() {
        Scope scope = CURRENT.get();
        if (scope != null) {
            scope.tryAgain();
        }
    }

    /** One attempt's names. */
    public static final class Scope implements AutoCloseable {

        private final String attempt;
        private final Scope outer;
        private int tries = 1;
        private int calls;

        private final boolean resumed;
        private final boolean mayWait;

        private Scope(String attempt, Scope outer, boolean resumed, boolean mayWait) {
            this.attempt = attempt;
            this.outer = outer;
            this.resumed = resumed;
            this.mayWait = mayWait;
        }

        private String next() {
            calls++;
            return attempt + "/try " + tries + "/call " + calls;
        }

        private void tryAgain() {
            tries++;
            calls = 0;
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
