package io.serviceaccountbot.sandbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The simulated tenant.
 *
 * @param seed the JSON file the simulated tenant starts from
 * @param exchangeFlavour which Exchange it behaves like: {@code legacy} (ApplicationImpersonation exists, as on
 *     Exchange Server) or {@code exchange-online} (it does not; RBAC for Applications works)
 * @param mailboxDelay how long after an Exchange licence is assigned the mailbox becomes ready
 * @param latency added to every simulated Graph and Exchange call
 * @param refusedPermissions application permissions the simulated tenant has not granted the bot (e.g.
 *     LicenseAssignment.ReadWrite.All, Exchange.ManageAsApp), to see what {@code doctor} and the commands say
 */
@ConfigurationProperties("bot.sandbox")
public record SandboxProperties(
        @DefaultValue("classpath:sandbox/seed.json") Resource seed,
        @DefaultValue("legacy") ExchangeFlavour exchangeFlavour,
        @DefaultValue("10s") Duration mailboxDelay,
        @DefaultValue("0ms") Duration latency,
        List<String> refusedPermissions) {

    public SandboxProperties {
        refusedPermissions = refusedPermissions == null ? List.of() : List.copyOf(refusedPermissions);
    }

    /** The Exchange the simulator behaves like. */
    public enum ExchangeFlavour {
        /** Exchange Server on-premises, or Exchange Online before 2025: ApplicationImpersonation exists. */
        LEGACY,
        /** Exchange Online today: no ApplicationImpersonation; RBAC for Applications. */
        EXCHANGE_ONLINE
    }
}
