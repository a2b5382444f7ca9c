/**
 * The {@link io.serviceaccountbot.provisioning.Directory} port over the Microsoft Graph SDK for Java (v6), with tokens
 * from the bot's identity. Graph SDK types stay in this package. The SDK's retry handler honours Retry-After on 429
 * and 503; the token is sent only to the configured Graph host.
 */
package io.serviceaccountbot.provisioning.graph;
