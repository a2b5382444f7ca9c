/**
 * The audit log: append-only, one entry per event, hash-chained so that a changed or removed entry is found. It is fed
 * by listening: to the approval module's events (a request opened, each decision and each refused one, expiry,
 * cancellation, the run starting and ending), to the steps of runs (with the tenant's request ids), and to the
 * {@link io.serviceaccountbot.audit.AuditRecord}s other modules publish for what they do outside an approval (a
 * service account created from chat). The conversation an event came from is the one the thread is answering (the
 * {@code conversation} entry of the logging context). Nothing here knows Teams or the tenant; the chat commands
 * {@code audit} and {@code audit verify} and the export endpoint read through {@link
 * io.serviceaccountbot.audit.AuditLog}.
 */
package io.serviceaccountbot.audit;
