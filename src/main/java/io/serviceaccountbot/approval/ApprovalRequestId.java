package io.serviceaccountbot.approval;

import java.util.UUID;

/**
 * The stable internal id of an approval request; people use its short number ({@code R-7K2QM4}) instead.
 *
 * @param value the id
 */
public record ApprovalRequestId(UUID value) {

    public static ApprovalRequestId random() {
        return new ApprovalRequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
