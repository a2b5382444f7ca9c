/**
 * The checks that tell whether a service account really works, and the report that says, line by line, what passes,
 * what fails and how to fix it. Checks ask the tenant itself (through the provisioning ports), so an account is
 * verified whether or not this bot provisioned it.
 */
package io.serviceaccountbot.verification;
