package io.serviceaccountbot.plans;

import io.serviceaccountbot.command.Command;

/**
 * The plans of {@code restore … as approved}: they depend on what was approved for a grant, which governance keeps, so
 * governance drafts them; the executor runs them like every other approved plan.
 */
public interface RestorePlans {

    /** The runbook that puts the grant back as approved, or why there is none; reads the tenant only. */
    Drafted restore(Command.RestoreAsApproved command);
}
