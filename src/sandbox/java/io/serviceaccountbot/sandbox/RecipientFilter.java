package io.serviceaccountbot.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The OPATH filters of management scopes ({@code -RecipientRestrictionFilter}), as far as the simulated tenant needs
 * them: comparisons {@code Property -eq|-ne|-like|-notlike 'value'} joined by {@code -and}, {@code -or}, {@code -not}
 * and parentheses. Values are quoted with single quotes (a quote inside doubled) or double quotes. Multi-valued
 * properties such as MemberOfGroup (the distinguished names of the groups a recipient belongs to directly) match when
 * any value does. A filter Exchange could not parse is refused as Exchange refuses it.
 */
final class RecipientFilter {

    static final Set<String> PROPERTIES = Set.of(
            "memberofgroup",
            "primarysmtpaddress",
            "alias",
            "name",
            "displayname",
            "externaldirectoryobjectid",
            "recipienttypedetails",
            "userprincipalname");

    private final String text;
    private final Predicate<Map<String, List<String>>> test;

    private RecipientFilter(String text, Predicate<Map<String, List<String>>> test) {
        this.text = text;
        this.test = test;
    }

    /** @throws IllegalArgumentException with Exchange's message when the filter does not parse */
    static RecipientFilter parse(String text) {
        Parser parser = new Parser(text);
        Predicate<Map<String, List<String>>> test = parser.expression();
        parser.expectEnd();
        return new RecipientFilter(text, test);
    }

    String text() {
        return text;
    }

    /** @param properties lower-case property name to its values */
    boolean matches(Map<String, List<String>> properties) {
        return test.test(properties);
    }

    private static final class Parser {

        private final String text;
        private final List<String> tokens;
        private int next;

        Parser(String text) {
            this.text = text;
            this.tokens = tokenize(text);
        }

        Predicate<Map<String, List<String>>> expression() {
            Predicate<Map<String, List<String>>> left = conjunction();
            while (accept("-or")) {
                left = left.or(conjunction());
            }
            return left;
        }

        private Predicate<Map<String, List<String>>> conjunction() {
            Predicate<Map<String, List<String>>> left = unary();
            while (accept("-and")) {
                left = left.and(unary());
            }
            return left;
        }

        private Predicate<Map<String, List<String>>> unary() {
            if (accept("-not")) {
                return unary().negate();
            }
            if (accept("(")) {
                Predicate<Map<String, List<String>>> inner = expression();
                expect(")");
                return inner;
            }
            return comparison();
        }

        private Predicate<Map<String, List<String>>> comparison() {
            String property = take().toLowerCase(Locale.ROOT);
            if (!PROPERTIES.contains(property)) {
                throw invalid();
            }
            String operator = take().toLowerCase(Locale.ROOT);
            String value = literal(take());
            Predicate<String> equal = candidate -> candidate.equalsIgnoreCase(value);
            Pattern wildcard = Pattern.compile(
                    Pattern.quote(value).replace("*", "\\E.*\\Q"), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
            Predicate<String> like = candidate -> wildcard.matcher(candidate).matches();
            return switch (operator) {
                case "-eq" -> values -> any(values, property, equal);
                case "-ne" -> values -> !any(values, property, equal);
                case "-like" -> values -> any(values, property, like);
                case "-notlike" -> values -> !any(values, property, like);
                default -> throw invalid();
            };
        }

        private static boolean any(Map<String, List<String>> values, String property, Predicate<String> test) {
            return values.getOrDefault(property, List.of()).stream().anyMatch(test);
        }

        private String literal(String token) {
            if (token.length() >= 2 && token.startsWith("'") && token.endsWith("'")) {
                return token.substring(1, token.length() - 1).replace("''", "'");
            }
            if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
                return token.substring(1, token.length() - 1).replace("\"\"", "\"");
            }
            if (token.startsWith("-") || token.equals("(") || token.equals(")")) {
                throw invalid();
            }
            return token;
        }

        private boolean accept(String token) {
            if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(token)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw invalid();
            }
        }

        private String take() {
            if (next >= tokens.size()) {
                throw invalid();
            }
            return tokens.get(next++);
        }

        void expectEnd() {
            if (next != tokens.size()) {
                throw invalid();
            }
        }

        private IllegalArgumentException invalid() {
            return new IllegalArgumentException("Invalid filter syntax. For a description of the filter parameter"
                    + " syntax see the command help.\n\"" + text + "\" at position " + (position() + 1) + ".");
        }

        private int position() {
            int at = 0;
            for (int i = 0; i < Math.min(next, tokens.size()); i++) {
                at = text.indexOf(tokens.get(i), at) + tokens.get(i).length();
            }
            return Math.max(0, at);
        }

        private List<String> tokenize(String filter) {
            List<String> found = new ArrayList<>();
            int i = 0;
            while (i < filter.length()) {
                char c = filter.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    found.add(String.valueOf(c));
                    i++;
                } else if (c == '\'' || c == '"') {
                    int end = i + 1;
                    while (true) {
                        if (end >= filter.length()) {
                            throw new IllegalArgumentException("Invalid filter syntax. For a description of the"
                                    + " filter parameter syntax see the command help.\n\"" + filter
                                    + "\" at position " + (i + 1) + ".");
                        }
                        if (filter.charAt(end) == c) {
                            if (end + 1 < filter.length() && filter.charAt(end + 1) == c) {
                                end += 2;
                                continue;
                            }
                            break;
                        }
                        end++;
                    }
                    found.add(filter.substring(i, end + 1));
                    i = end + 1;
                } else {
                    int end = i;
                    while (end < filter.length()
                            && !Character.isWhitespace(filter.charAt(end))
                            && "()'\"".indexOf(filter.charAt(end)) < 0) {
                        end++;
                    }
                    found.add(filter.substring(i, end));
                    i = end;
                }
            }
            return found;
        }
    }
}
