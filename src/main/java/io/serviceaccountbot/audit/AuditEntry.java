package io.serviceaccountbot.audit;

import java.time.Instant;

/**
 * One stored entry of the log.
 *
 * @param seq its place in the chain, from 1, without gaps
 * @param recordedAt when it was appended (to the millisecond)
 * @param record what happened
 * @param previousHash the hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 over this entry's content and {@code previousHash}
 */
public record AuditEntry(long seq, Instant recordedAt, AuditRecord record, String previousHash, String hash) {}
