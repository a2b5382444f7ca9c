package io.serviceaccountbot.tenant;

import java.util.Locale;
import java.util.Map;

/** Licence names people know, for the skuPartNumbers the procedure uses. */
public final class Licences {

    private static final Map<String, String> FRIENDLY = Map.of(
            "STANDARDPACK", "Office 365 E1",
            "ENTERPRISEPACK", "Office 365 E3",
            "ENTERPRISEPREMIUM", "Office 365 E5",
            "SPE_E3", "Microsoft 365 E3",
            "SPE_E5", "Microsoft 365 E5",
            "EXCHANGESTANDARD", "Exchange Online (Plan 1)",
            "EXCHANGEENTERPRISE", "Exchange Online (Plan 2)");

    private Licences() {}

    /** "Office 365 E1 (STANDARDPACK)", or the part number alone when it has no well-known name. */
    public static String describe(String skuPartNumber) {
        String friendly = FRIENDLY.get(skuPartNumber.toUpperCase(Locale.ROOT));
        return friendly == null ? skuPartNumber : friendly + " (" + skuPartNumber + ")";
    }
}
