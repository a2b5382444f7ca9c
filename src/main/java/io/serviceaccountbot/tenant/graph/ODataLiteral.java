package io.serviceaccountbot.tenant.graph;

/**
 * OData string literals for {@code $filter}: the value goes between single quotes, and every single quote inside it
 * is doubled, so a name such as {@code o'brien} is searched for literally and can never close the literal early and
 * widen the filter.
 */
final class ODataLiteral {

    private ODataLiteral() {}

    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
