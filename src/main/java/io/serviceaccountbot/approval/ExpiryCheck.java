package io.serviceaccountbot.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Expires pending requests whose time is up, every {@code bot.approval.expiry-check}; the expiry event tells the
 * requester. Safe on several replicas: a request expired by one is skipped by the others.
 */
class ExpiryCheck {

    private static final Logger log = LoggerFactory.getLogger(ExpiryCheck.class);

    private final Approvals approvals;

    ExpiryCheck(Approvals approvals) {
        this.approvals = approvals;
    }

    @Scheduled(
            fixedDelayString = "${bot.approval.expiry-check:1m}",
            initialDelayString = "${bot.approval.expiry-check:1m}")
    void expireDueRequests() {
        try {
            int expired = approvals.expireDue();
            if (expired > 0) {
                log.info("Expired {} approval request(s)", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Could not check approval requests for expiry: {}", e.getMessage());
        }
    }
}
