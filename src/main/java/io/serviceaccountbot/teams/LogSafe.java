package io.serviceaccountbot.teams;

/** Values from a request, made safe to log: no line breaks or control characters to forge lines, and short. */
public final class LogSafe {

    private LogSafe() {}

    public static String of(String value) {
        if (value == null) {
            return null;
        }
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(80)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return value.length() > 80 ? printable + "…" : printable;
    }
}
