package io.serviceaccountbot.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that chains the entries: SHA-256 over every field of an entry and the previous entry's hash. Each field is
 * written with its length first (and a null apart from an empty text), so no two different entries hash the same
 * input by moving text from one field to the next.
 */
final class AuditHash {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    static String of(long seq, Instant recordedAt, AuditRecord record, String previousHash) {
        MessageDigest digest = sha256();
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        field(digest, recordedAt.toString());
        field(digest, record.actorId());
        field(digest, record.actorName());
        field(digest, record.action());
        field(digest, record.requestNumber());
        field(digest, record.target());
        field(digest, record.outcome());
        field(digest, record.detail());
        field(digest, String.join("\n", record.tenantRequestIds()));
        field(digest, record.conversationId());
        field(digest, previousHash);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
