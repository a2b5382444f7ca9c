/**
 * The simulated tenant: Microsoft Graph (and, later, Exchange admin and EWS) endpoints under {@code /sandbox/}, served
 * by the bot's own server in sandbox mode only, answering with Microsoft's JSON shapes and errors.
 *
 * <p>The bot never calls this package directly: it reaches it over HTTP through the same adapters it uses against
 * Microsoft 365, so sandbox runs exercise the real clients. The state starts from a seed file holding the Agents
 * Playground's users, a verified domain, licences and the bot's role groups.
 *
 * <p>One endpoint goes the other way: {@code GET /sandbox/secrets/{name}} lets a sandbox user read a password the bot
 * generated (the chat never shows it). It reads through the {@code SecretStore} port, the public API of {@code
 * provisioning}, and answers callers on this machine only.
 */
package io.serviceaccountbot.sandbox;
