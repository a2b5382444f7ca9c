package io.serviceaccountbot.tenant;

import java.util.ArrayList;
import java.util.List;

/**
 * The reads an operation is about to ask Exchange, said up front so that Exchange Server's runner can ask them in one
 * job ({@link ExchangeAdmin#readTogether}): a job costs tens of seconds on a real worker, and planning a grant reads
 * the role, the account, the group, the role group and who holds the role.
 *
 * @param roles management roles ({@link ExchangeAdmin#managementRole})
 * @param securityGroups mail-enabled security groups with their members ({@link ExchangeAdmin#securityGroup})
 * @param roleGroups role groups with their members ({@link ExchangeAdmin#roleGroup})
 * @param effectiveHolders roles whose effective holders are read ({@link ExchangeAdmin#effectiveAssignments})
 * @param accounts accounts by sign-in name or alias, on Exchange Server where they are Exchange's users ({@link
 *     AccountDirectory#findUser}, {@link AccountDirectory#findUserByAlias})
 * @param domains whether the organisation's accepted domains are read too ({@link AccountDirectory#domains})
 */
public record ExchangeReads(
        List<String> roles,
        List<String> securityGroups,
        List<String> roleGroups,
        List<String> effectiveHolders,
        List<String> accounts,
        boolean domains) {

    public ExchangeReads {
        roles = List.copyOf(roles);
        securityGroups = List.copyOf(securityGroups);
        roleGroups = List.copyOf(roleGroups);
        effectiveHolders = List.copyOf(effectiveHolders);
        accounts = List.copyOf(accounts);
    }

    /**
     * The answers of reads asked together, which answer the same reads on this thread until closed; inside a plan's
     * step they last for the step's attempt whatever happens here.
     */
    public interface Kept extends AutoCloseable {

        /** Nothing kept: where every call is cheap, or nothing was asked. */
        Kept NOTHING = () -> {};

        @Override
        void close();
    }

    /** Nothing yet. */
    public static ExchangeReads none() {
        return new ExchangeReads(List.of(), List.of(), List.of(), List.of(), List.of(), false);
    }

    public ExchangeReads role(String name) {
        return new ExchangeReads(plus(roles, name), securityGroups, roleGroups, effectiveHolders, accounts, domains);
    }

    public ExchangeReads securityGroup(String name) {
        return new ExchangeReads(roles, plus(securityGroups, name), roleGroups, effectiveHolders, accounts, domains);
    }

    public ExchangeReads roleGroup(String name) {
        return new ExchangeReads(roles, securityGroups, plus(roleGroups, name), effectiveHolders, accounts, domains);
    }

    public ExchangeReads effectiveHolders(String role) {
        return new ExchangeReads(roles, securityGroups, roleGroups, plus(effectiveHolders, role), accounts, domains);
    }

    /** @param upnOrAlias the account's sign-in name or alias, as the admin typed it */
    public ExchangeReads account(String upnOrAlias) {
        return new ExchangeReads(
                roles, securityGroups, roleGroups, effectiveHolders, plus(accounts, upnOrAlias), domains);
    }

    public ExchangeReads acceptedDomains() {
        return new ExchangeReads(roles, securityGroups, roleGroups, effectiveHolders, accounts, true);
    }

    /** Whether there is nothing to read. */
    public boolean isEmpty() {
        return roles.isEmpty()
                && securityGroups.isEmpty()
                && roleGroups.isEmpty()
                && effectiveHolders.isEmpty()
                && accounts.isEmpty()
                && !domains;
    }

    private static List<String> plus(List<String> names, String name) {
        if (name == null || names.stream().anyMatch(name::equalsIgnoreCase)) {
            return names;
        }
        List<String> more = new ArrayList<>(names);
        more.add(name);
        return more;
    }
}
