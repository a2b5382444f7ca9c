package io.serviceaccountbot.tenant.exchange;

import java.util.List;

/**
 * Hears the warnings Exchange attaches to a successful cmdlet ({@code @adminapi.warnings}), e.g. to show them in a
 * provisioning report. The adapter always logs them too; register a bean of this type to receive them. Warnings are
 * Exchange's own text about the objects named in the call; they never contain a token.
 */
@FunctionalInterface
public interface ExchangeWarningListener {

    /**
     * @param cmdlet the cmdlet that warned, e.g. {@code New-RoleGroup}
     * @param warnings its warnings, in order
     */
    void onWarnings(String cmdlet, List<String> warnings);
}
