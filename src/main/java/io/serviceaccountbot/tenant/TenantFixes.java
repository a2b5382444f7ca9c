package io.serviceaccountbot.tenant;

/** The one sentence telling an admin what to do about a tenant failure. */
public final class TenantFixes {

    private TenantFixes() {}

    public static String of(TenantException e) {
        if (e.fix() != null && !e.fix().isBlank()) {
            return e.fix();
        }
        return switch (e.kind()) {
            case THROTTLED, UNAVAILABLE ->
                e.service() + " is busy or unavailable right now; run the same command"
                        + " again in a few minutes and it continues where it stopped.";
            case ACCESS_DENIED ->
                "The bot's app lacks a permission in " + e.service()
                        + "; an administrator must grant it (see deploy/README.md), then run the command again.";
            case NOT_FOUND -> "Check the name and run the command again.";
            case ALREADY_EXISTS -> "Choose another name, or remove the existing object first.";
            case ROLE_NOT_FOUND ->
                "This organisation does not have that role; on Exchange Online use grant app access" + " instead.";
            case INVALID_REQUEST -> "Correct what " + e.service() + " refused and run the command again.";
        };
    }
}
