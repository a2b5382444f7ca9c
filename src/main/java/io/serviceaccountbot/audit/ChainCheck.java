package io.serviceaccountbot.audit;

import java.time.Instant;

/**
 * What {@code audit verify} found.
 *
 * @param intact whether every entry is as it was appended and none is missing
 * @param entries how many entries were checked
 * @param firstBroken the sequence number of the first entry found changed or missing, or null when intact
 * @param problem what is wrong with it, in words, or null when intact
 * @param first when the first entry was recorded, or null when the log is empty
 * @param last when the last entry was recorded, or null when the log is empty
 */
public record ChainCheck(boolean intact, long entries, Long firstBroken, String problem, Instant first, Instant last) {

    static ChainCheck intact(long entries, Instant first, Instant last) {
        return new ChainCheck(true, entries, null, null, first, last);
    }

    static ChainCheck broken(long entries, long seq, String problem, Instant first, Instant last) {
        return new ChainCheck(false, entries, seq, problem, first, last);
    }
}
