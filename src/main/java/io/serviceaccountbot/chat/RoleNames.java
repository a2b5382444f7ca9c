package io.serviceaccountbot.chat;

import io.serviceaccountbot.command.Role;
import java.util.Collection;
import java.util.stream.Collectors;

/** Roles as people read them. */
final class RoleNames {

    private RoleNames() {}

    static String of(Role role) {
        return switch (role) {
            case PROVISIONING_ADMIN -> "provisioning admin";
            case APPROVER -> "approver";
        };
    }

    static String plural(Role role) {
        return of(role) + "s";
    }

    /** "provisioning admin and approver", or "no role" */
    static String list(Collection<Role> roles) {
        if (roles.isEmpty()) {
            return "no role";
        }
        return roles.stream().sorted().map(RoleNames::of).collect(Collectors.joining(" and "));
    }

    /** "provisioning admins or approvers" */
    static String whoMay(Collection<Role> roles) {
        return roles.stream().sorted().map(RoleNames::plural).collect(Collectors.joining(" or "));
    }
}
