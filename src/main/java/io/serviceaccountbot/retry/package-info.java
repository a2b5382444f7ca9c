/**
 * How long to wait before trying an HTTP call again. Every HTTP client of the bot (the Bot Connector, Microsoft Graph,
 * Exchange Online, and any that come later) waits the same careful way, so the rules live here once: a server's
 * {@code Retry-After} is read as seconds (fractions included, as Graph sends them) or as an HTTP date ({@link
 * io.serviceaccountbot.retry.RetryAfter}); without one the wait doubles per retry with a documented jitter, never
 * beyond a cap ({@link io.serviceaccountbot.retry.Backoff}); and when the server asks for more than the cap, the answer
 * says so ({@link io.serviceaccountbot.retry.Pause}) and each caller decides whether to give up as throttled or to wait
 * the cap. Plain Java with a {@link java.time.Clock}: no Spring and nothing else of the bot, so any module may use it.
 */
package io.serviceaccountbot.retry;
