package io.serviceaccountbot.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;

/**
 * The part of OData's {@code $filter} the simulated Graph understands: {@code eq} and {@code ne} against a string
 * literal, {@code null}, {@code true} or {@code false}; {@code startswith(property,'x')}; {@code and}, {@code or},
 * {@code not} and parentheses. A string literal is in single quotes, and a single quote inside it is written twice,
 * so {@code 'o''brien'} means o'brien. Comparisons ignore case, as Entra ID's do. A filter that does not parse is
 * refused the way Graph refuses it, so a client that forgets to escape a quote is caught here rather than in
 * production, where the same mistake would widen the filter.
 */
final class ODataFilter {

    private final String text;
    private final Set<String> properties;
    private final String resource;
    private final List<Token> tokens;
    private int next;

    private ODataFilter(String text, Set<String> properties, String resource) {
        this.text = text;
        this.properties = properties;
        this.resource = resource;
        this.tokens = tokenize(text);
    }

    /**
     * Parses a filter over the given properties of a resource.
     *
     * @throws GraphRefusal when the filter is malformed or names a property that cannot be filtered on
     */
    static Predicate<Map<String, Object>> parse(String filter, Set<String> properties, String resource) {
        ODataFilter parser = new ODataFilter(filter, properties, resource);
        Predicate<Map<String, Object>> predicate = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw parser.syntaxError(parser.tokens.get(parser.next));
        }
        return predicate;
    }

    private enum Kind {
        WORD,
        STRING,
        OPEN,
        CLOSE,
        COMMA
    }

    private record Token(Kind kind, String value, int position) {}

    private Predicate<Map<String, Object>> or() {
        Predicate<Map<String, Object>> left = and();
        while (keyword("or")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Map<String, Object>> and() {
        Predicate<Map<String, Object>> left = unary();
        while (keyword("and")) {
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<Map<String, Object>> unary() {
        if (keyword("not")) {
            return unary().negate();
        }
        Token token = take();
        if (token.kind() == Kind.OPEN) {
            Predicate<Map<String, Object>> inner = or();
            expect(Kind.CLOSE);
            return inner;
        }
        if (token.kind() != Kind.WORD) {
            throw syntaxError(token);
        }
        if (token.value().equalsIgnoreCase("startswith") && peek(Kind.OPEN)) {
            take();
            String property = property(take());
            expect(Kind.COMMA);
            Token prefix = take();
            if (prefix.kind() != Kind.STRING) {
                throw syntaxError(prefix);
            }
            expect(Kind.CLOSE);
            return json -> {
                Object value = value(json, property);
                return value instanceof String string
                        && string.toLowerCase(Locale.ROOT)
                                .startsWith(prefix.value().toLowerCase(Locale.ROOT));
            };
        }
        String property = property(token);
        Token operator = take();
        if (operator.kind() != Kind.WORD || !Set.of("eq", "ne").contains(operator.value())) {
            throw syntaxError(operator);
        }
        Object literal = literal(take());
        Predicate<Map<String, Object>> equal = json -> same(value(json, property), literal);
        return operator.value().equals("eq") ? equal : equal.negate();
    }

    private Object literal(Token token) {
        if (token.kind() == Kind.STRING) {
            return token.value();
        }
        if (token.kind() == Kind.WORD) {
            switch (token.value()) {
                case "null":
                    return null;
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw syntaxError(token);
    }

    private String property(Token token) {
        if (token.kind() != Kind.WORD) {
            throw syntaxError(token);
        }
        return properties.stream()
                .filter(token.value()::equalsIgnoreCase)
                .findFirst()
                .orElseThrow(() -> new GraphRefusal(
                        HttpStatus.BAD_REQUEST,
                        "Request_UnsupportedQuery",
                        "Unsupported or invalid query filter clause specified for property '" + token.value()
                                + "' of resource '" + resource + "'.",
                        List.of()));
    }

    private static Object value(Map<String, Object> json, String property) {
        return json.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(property))
                .map(Map.Entry::getValue)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static boolean same(Object value, Object literal) {
        if (value instanceof String string && literal instanceof String other) {
            return string.equalsIgnoreCase(other);
        }
        return Objects.equals(value, literal);
    }

    private boolean keyword(String word) {
        if (next < tokens.size()
                && tokens.get(next).kind() == Kind.WORD
                && tokens.get(next).value().equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean peek(Kind kind) {
        return next < tokens.size() && tokens.get(next).kind() == kind;
    }

    private void expect(Kind kind) {
        Token token = take();
        if (token.kind() != kind) {
            throw syntaxError(token);
        }
    }

    private Token take() {
        if (next >= tokens.size()) {
            throw new GraphRefusal(
                    HttpStatus.BAD_REQUEST,
                    "BadRequest",
                    "Invalid filter clause: Expression expected at position " + text.length() + " in '" + text + "'.",
                    List.of());
        }
        return tokens.get(next++);
    }

    private GraphRefusal syntaxError(Token token) {
        return new GraphRefusal(
                HttpStatus.BAD_REQUEST,
                "BadRequest",
                "Invalid filter clause: Syntax error at position " + token.position() + " in '" + text + "'.",
                List.of());
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), i));
                i++;
            } else if (c == '\'') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new GraphRefusal(
                                HttpStatus.BAD_REQUEST,
                                "BadRequest",
                                "Invalid filter clause: There is an unterminated string literal at position " + start
                                        + " in '" + text + "'.",
                                List.of());
                    }
                    char d = text.charAt(i);
                    if (d == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
            } else {
                int start = i;
                while (i < text.length()
                        && !Character.isWhitespace(text.charAt(i))
                        && "(),'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
            }
        }
        return tokens;
    }
}
