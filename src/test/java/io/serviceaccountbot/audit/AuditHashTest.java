package io.serviceaccountbot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    static final Instant AT = Instant.parse("2026-12-03T10:00:00.123Z");

    static AuditRecord record(String actorName, String action, String detail, List<String> ids) {
        return new AuditRecord("aad-1", actorName, action, "R-1", "svc-sync", "done", detail, ids, "a:chat");
    }

    @Test
    void theSameEntryHashesTheSameAndEveryFieldCounts() {
        String hash = AuditHash.of(7, AT, record("Megan", "decision.approve", "ok", List.of()), AuditHash.GENESIS);

        assertThat(AuditHash.of(7, AT, record("Megan", "decision.approve", "ok", List.of()), AuditHash.GENESIS))
                .isEqualTo(hash)
                .hasSize(64)
                .matches("[0-9a-f]{64}");
        assertThat(List.of(
                        AuditHash.of(8, AT, record("Megan", "decision.approve", "ok", List.of()), AuditHash.GENESIS),
                        AuditHash.of(
                                7,
                                AT.plusMillis(1),
                                record("Megan", "decision.approve", "ok", List.of()),
                                AuditHash.GENESIS),
                        AuditHash.of(7, AT, record("Mallory", "decision.approve", "ok", List.of()), AuditHash.GENESIS),
                        AuditHash.of(
                                7, AT, record("Megan", "decision.approve", "ok", List.of("id")), AuditHash.GENESIS),
                        AuditHash.of(7, AT, record("Megan", "decision.approve", "ok", List.of()), "1".repeat(64))))
                .doesNotContain(hash)
                .doesNotHaveDuplicates();
    }

    @Test
    void textMovedFromOneFieldToTheNextChangesTheHash() {
        assertThat(AuditHash.of(1, AT, record("Megan", "decision.approve", "x", List.of()), AuditHash.GENESIS))
                .isNotEqualTo(
                        AuditHash.of(1, AT, record("Megandecision.", "approve", "x", List.of()), AuditHash.GENESIS));
    }

    @Test
    void aMissingValueIsNotAnEmptyOne() {
        assertThat(AuditHash.of(1, AT, record("Megan", "a", null, List.of()), AuditHash.GENESIS))
                .isNotEqualTo(AuditHash.of(1, AT, record("Megan", "a", "", List.of()), AuditHash.GENESIS));
    }
}
