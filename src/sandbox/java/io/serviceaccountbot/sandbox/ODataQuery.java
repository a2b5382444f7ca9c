package io.serviceaccountbot.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code $select}, {@code $top} and {@code $skiptoken} as Graph applies them: {@code $select} keeps the named
 * properties (an unknown one is refused), {@code $top} sets the page size, and a page that is not the last carries an
 * {@code @odata.nextLink} with an opaque {@code $skiptoken}, the other query options kept.
 */
final class ODataQuery {

    static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata";

    private ODataQuery() {}

    /** The entity with only the selected properties, and its {@code @odata.context}. */
    static Map<String, Object> select(Map<String, Object> entity, String select, String entitySet, String type) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> names = names(select);
        result.put(
                "@odata.context",
                METADATA + "#" + entitySet + (names.isEmpty() ? "" : "(" + String.join(",", names) + ")") + "/$entity");
        result.putAll(selected(entity, names, type));
        return result;
    }

    static Map<String, Object> selected(Map<String, Object> entity, List<String> names, String type) {
        if (names.isEmpty()) {
            return entity;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : names) {
            String key = entity.keySet().stream()
                    .filter(name::equalsIgnoreCase)
                    .findFirst()
                    .orElseThrow(() -> new GraphRefusal(
                            HttpStatus.BAD_REQUEST,
                            "Request_BadRequest",
                            "Could not find a property named '" + name + "' on type '" + type + "'.",
                            List.of()));
            result.put(key, entity.get(key));
        }
        return result;
    }

    static List<String> names(String select) {
        if (select == null || select.isBlank()) {
            return List.of();
        }
        return Arrays.stream(select.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    /** One page of a collection, with {@code @odata.nextLink} when more follow. */
    static Map<String, Object> page(
            List<Map<String, Object>> all, String top, String skipToken, int defaultSize, String context) {
        int size = pageSize(top, defaultSize);
        int from = offset(skipToken);
        List<Map<String, Object>> value =
                new ArrayList<>(all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.context", METADATA + "#" + context);
        if (from + size < all.size()) {
            json.put(
                    "@odata.nextLink",
                    ServletUriComponentsBuilder.fromCurrentRequest()
                            .replaceQueryParam("$skiptoken", token(from + size))
                            .build(true)
                            .toUriString());
        }
        json.put("value", value);
        return json;
    }

    private static int pageSize(String top, int defaultSize) {
        if (top == null) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(top.trim());
            if (size >= 1 && size <= 999) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as Graph does
        }
        throw GraphRefusal.badRequest(
                "Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String skipToken) {
        if (skipToken == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                return Math.max(0, Integer.parseInt(decoded.substring("offset:".length())));
            }
        } catch (IllegalArgumentException malformed) {
            // refused below
        }
        throw new GraphRefusal(
                HttpStatus.BAD_REQUEST,
                "Directory_ExpiredPageToken",
                "The specified page token value has expired and can no longer be included in your request.",
                List.of());
    }
}
