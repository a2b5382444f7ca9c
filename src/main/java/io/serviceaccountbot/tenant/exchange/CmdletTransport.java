package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.ExchangeReads;
import io.serviceaccountbot.tenant.ExchangeServerVersion;
import java.util.List;
import java.util.Optional;

/**
 * How cmdlets reach an Exchange organisation: Exchange Online's InvokeCommand ({@link InvokeCommandClient}), or, for
 * Exchange Server, jobs of the runbook in the customer's network ({@link RunnerTransport}). Either way a cmdlet gives
 * its output objects, with Exchange's property names, or a {@link io.serviceaccountbot.tenant.TenantException}
 * of the same kinds.
 */
interface CmdletTransport {

    /** Runs the cmdlet and returns every output object and its warnings. */
    CmdletResult invoke(Cmdlet cmdlet);

    /**
     * A hint that these reads come next, so that a transport whose calls are costly asks them together now and answers
     * them from that when they are asked, until the answers are closed; by default, nothing.
     */
    default ExchangeReads.Kept readTogether(List<Cmdlet> reads) {
        return ExchangeReads.Kept.NOTHING;
    }

    /** Which Exchange answers, for messages: "Exchange Online" or "Exchange Server". */
    String service();

    /** The Exchange server that answered this thread's last call, where the transport knows; else empty. */
    default Optional<ExchangeServerVersion> lastServer() {
        return Optional.empty();
    }
}
