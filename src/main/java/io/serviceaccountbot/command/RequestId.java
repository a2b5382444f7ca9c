package io.serviceaccountbot.command;

/**
 * The id of an approval request, e.g. {@code R-7K2Q}: "R-" and 4 to 12 characters of Crockford base32 (digits and
 * upper-case letters except I, L, O and U, which are easily misread). Lower-case input is accepted and upper-cased.
 * Misread letters are refused rather than corrected, so nobody approves a request they did not mean.
 *
 * @param value the id in upper case
 */
public record RequestId(String value) {

    /** The format of request ids; see <a href="https://www.crockford.com/base32.html">Crockford's Base32</a>. */
    public static final ValueRule RULE = ValueRule.about("request id", "R-7K2Q")
            .normalise(InputText::upperCaseAscii)
            .must(
                    "a request id looks like R-7K2Q: R- and then 4 to 12 letters and digits, without I, L, O or U",
                    text -> text.matches("R-[0-9A-HJKMNP-TV-Z]{4,12}"))
            .build();

    /** @throws IllegalArgumentException if the value is not a request id */
    public RequestId {
        value = RULE.require(value);
    }

    public static RequestId of(String value) {
        return new RequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
