package io.serviceaccountbot.command;

/**
 * Who may run a command. A person can hold both roles; help and whoami need neither.
 *
 * <p>The command language only says which roles a command needs (see {@link CommandSpec#roles()}); deciding who holds
 * a role, and refusing someone who doesn't, belongs to the caller.
 */
public enum Role {
    /** Creates and changes service accounts and their access, and cancels their own requests. */
    PROVISIONING_ADMIN,
    /** Approves or rejects privileged requests. */
    APPROVER
}
