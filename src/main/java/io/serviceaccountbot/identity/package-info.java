/**
 * The bot's own Entra identity: which tenant it serves, its app id, its credential, and the access tokens it gets
 * with them.
 *
 * <p>Whether a tenant is configured decides the runtime mode. With none, the bot runs in {@link
 * io.serviceaccountbot.identity.RuntimeMode#SANDBOX sandbox} mode against its simulated tenant; with one, every
 * production setting must be present or start-up fails with a message naming each missing one. Tokens come from
 * MSAL4J (client secret, certificate or managed identity) and are shared by the Bot Connector, Microsoft Graph and
 * Exchange clients; in sandbox mode the simulated tenant, which only the sandbox jar carries, issues its own.
 */
package io.serviceaccountbot.identity;
