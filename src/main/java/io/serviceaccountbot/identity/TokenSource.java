package io.serviceaccountbot.identity;

/** Asks the identity platform for a fresh token for one scope, with no caching of its own. */
@FunctionalInterface
interface TokenSource {

    IssuedToken acquire(String scope) throws Exception;
}
