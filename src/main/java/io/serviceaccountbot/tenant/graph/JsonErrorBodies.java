package io.serviceaccountbot.tenant.graph;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives an error answer that is not JSON (a proxy's HTML page, a gateway's plain text) Graph's error shape, so the SDK
 * can read it and the admin still learns the HTTP status and request id, instead of a parser's complaint.
 */
final class JsonErrorBodies implements Interceptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful() || isJson(response.body())) {
            return response;
        }
        String text = response.body() == null ? "" : response.body().string();
        ObjectNode error = JSON.createObjectNode();
        error.put("code", "HTTP" + response.code());
        error.put("message", summary(text, response.message()));
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        return response.newBuilder()
                .body(ResponseBody.create(JSON.writeValueAsString(body), APPLICATION_JSON))
                .header("Content-Type", APPLICATION_JSON.toString())
                .build();
    }

    private static boolean isJson(ResponseBody body) {
        MediaType type = body == null ? null : body.contentType();
        return type != null && type.subtype().toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    private static String summary(String text, String reason) {
        String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        if (plain.isEmpty()) {
            return reason == null || reason.isBlank() ? "No details." : reason;
        }
        return plain.length() <= 200 ? plain : plain.substring(0, 200) + "…";
    }
}
