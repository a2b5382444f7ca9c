package io.serviceaccountbot.tenant;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's ids for the calls a piece of work makes (Graph's {@code request-id}, Exchange's request or correlation
 * id), collected on the working thread so that the audit log can name them and Microsoft support can find the calls.
 * The adapters {@linkplain #record record} every answer's id; whoever wants them opens a {@linkplain #open scope}
 * around the work. Scopes nest: an inner scope's ids count for the outer one too.
 */
public final class TenantRequestIds {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private TenantRequestIds() {}

    /** Starts collecting on this thread until the scope is closed. */
    public static Scope open() {
        Scope scope = new Scope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** Notes the id of a call the tenant answered; nothing happens when no scope is open or the id is blank. */
    public static void record(String requestId) {
        Scope scope = CURRENT.get();
        if (scope != null && requestId != null && !requestId.isBlank()) {
            scope.add(requestId);
        }
    }

    /** The ids collected since {@link #open}. */
    public static final class Scope implements AutoCloseable {

        private final Scope outer;
        private final List<String> ids = new ArrayList<>();

        private Scope(Scope outer) {
            this.outer = outer;
        }

        private void add(String id) {
            ids.add(id);
            if (outer != null) {
                outer.add(id);
            }
        }

        /** The ids so far, in the order the answers came. */
        public List<String> ids() {
            return List.copyOf(ids);
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
