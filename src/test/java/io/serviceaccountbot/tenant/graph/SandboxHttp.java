package io.serviceaccountbot.tenant.graph;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Looks at the simulated tenant's state over its own Graph endpoints, as an admin with the sandbox token would. */
final class SandboxHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxHttp(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/graph/v1.0" + pathAndQuery))
                        .header("Authorization", "Bearer sandbox-token")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String pathAndQuery) throws Exception {
        return JSON.readTree(get(pathAndQuery).body());
    }

    /** How many users have this alias. */
    int usersWithAlias(String alias) throws Exception {
        String filter = URLEncoder.encode("mailNickname eq '" + alias.replace("'", "''") + "'", StandardCharsets.UTF_8)
                .replace("+", "%20");
        return json("/users?$filter=" + filter).path("value").size();
    }
}
