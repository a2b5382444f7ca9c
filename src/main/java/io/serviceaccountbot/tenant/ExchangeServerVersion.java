package io.serviceaccountbot.tenant;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Exchange server that answered, as the runner reports it ({@code AdminDisplayVersion}), in words: which product
 * that build is, and whether Microsoft still supports it. Exchange Server 2016 and 2019 left support on 14 October
 * 2025, Exchange 2013 on 11 April 2023; Subscription Edition (15.2 from build 2562) is current.
 *
 * @param server the server's name, e.g. EX01
 * @param version its {@code AdminDisplayVersion}, e.g. {@code Version 15.2 (Build 1748.10)}
 */
public record ExchangeServerVersion(String server, String version) {

    private static final Pattern BUILD = Pattern.compile("Version\\s+15\\.(\\d+)\\s+\\(Build\\s+(\\d+)\\.");

    /** The first build of Subscription Edition (RTM, 15.2.2562.17). */
    private static final int SUBSCRIPTION_EDITION = 2562;

    /** The product, e.g. "Exchange Server 2019"; empty when the version is not one this bot knows. */
    public Optional<String> product() {
        Matcher build = version == null ? null : BUILD.matcher(version);
        if (build == null || !build.find()) {
            return Optional.empty();
        }
        int minor = Integer.parseInt(build.group(1));
        int number = Integer.parseInt(build.group(2));
        return switch (minor) {
            case 0 -> Optional.of("Exchange Server 2013");
            case 1 -> Optional.of("Exchange Server 2016");
            case 2 ->
                Optional.of(
                        number >= SUBSCRIPTION_EDITION
                                ? "Exchange Server Subscription Edition"
                                : "Exchange Server 2019");
            default -> Optional.empty();
        };
    }

    /** Since when Microsoft no longer supports it, in words; empty when it is supported (or unknown). */
    public Optional<String> outOfSupportSince() {
        return product().flatMap(product -> switch (product) {
            case "Exchange Server 2013" -> Optional.of("11 April 2023");
            case "Exchange Server 2016", "Exchange Server 2019" -> Optional.of("14 October 2025");
            default -> Optional.empty();
        });
    }

    /** E.g. "EX01 runs Exchange Server 2019 (Version 15.2 (Build 1748.10)), out of support since 14 October 2025". */
    public String describe() {
        String what = product().map(product -> product + " (" + version + ")").orElse(version);
        return server + " runs " + what
                + outOfSupportSince()
                        .map(since -> ", out of support since " + since
                                + ": plan the move to Exchange Server Subscription Edition")
                        .orElse("");
    }
}
