package io.serviceaccountbot.tenant;

/**
 * A check that runs on the working thread before each call to the tenant, so that work which must stop (a plan's run
 * that another replica took over while this one was paused) stops before it sends anything more, rather than at its
 * next record. The adapters call {@link #beforeCall} before every request they send; whoever needs the check
 * {@linkplain #open opens} it around the work. Without one open, nothing is checked.
 */
public final class TenantCallGuard {

    private static final ThreadLocal<Runnable> CURRENT = new ThreadLocal<>();

    private TenantCallGuard() {}

    /** Runs {@code check} before each tenant call this thread makes until the scope is closed. */
    public static Scope open(Runnable check) {
        Runnable outer = CURRENT.get();
        CURRENT.set(check);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    /** Called by an adapter just before it sends a request to the tenant; throws when the work must stop. */
    public static void beforeCall() {
        Runnable check = CURRENT.get();
        if (check != null) {
            check.run();
        }
    }

    /** Ends the check. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
