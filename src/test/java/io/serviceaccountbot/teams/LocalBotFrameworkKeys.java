package io.serviceaccountbot.teams;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stand-in for login.botframework.com on a local port: OpenID metadata, a key set, and tokens signed with its key
 * (or forged in the ways an attacker would try).
 */
final class LocalBotFrameworkKeys implements AutoCloseable {

    static final String ISSUER = "https://api.botframework.com";

    private final RSAKey signingKey;
    private final RSAKey strangerKey;
    private final RSAKey webChatKey;
    private final RSAKey unendorsedKey;
    private final HttpServer server;

    LocalBotFrameworkKeys() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("bf-key-1").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("bf-key-1").generate();
        webChatKey = new RSAKeyGenerator(2048).keyID("bf-key-webchat").generate();
        unendorsedKey = new RSAKeyGenerator(2048).keyID("bf-key-bare").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/.well-known/openidconfiguration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + base() + "/v1/.well-known/keys\","
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/.well-known/keys", exchange -> {
            byte[] body = keySet().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The published keys as login.botframework.com lists them: each with the channels it is endorsed for. */
    private String keySet() {
        Map<String, Object> teams = new LinkedHashMap<>(signingKey.toPublicJWK().toJSONObject());
        teams.put("endorsements", List.of("msteams", "skype", "webchat"));
        Map<String, Object> webChat =
                new LinkedHashMap<>(webChatKey.toPublicJWK().toJSONObject());
        webChat.put("endorsements", List.of("webchat", "directline"));
        Map<String, Object> bare = unendorsedKey.toPublicJWK().toJSONObject();
        return JSONObjectUtils.toJSONString(Map.of("keys", List.of(teams, webChat, bare)));
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String metadataUrl() {
        return base() + "/v1/.well-known/openidconfiguration";
    }

    /** Claims of a token the Bot Framework would send to this bot for this service URL. */
    static JWTClaimsSet.Builder validClaims(String appId, String serviceUrl) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(appId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("serviceUrl", serviceUrl);
    }

    String signed(JWTClaimsSet claims) throws Exception {
        return sign(claims, signingKey);
    }

    /** Signed by a published key that is endorsed for Web Chat and Direct Line, not for Teams. */
    String signedByWebChatKey(JWTClaimsSet claims) throws Exception {
        return sign(claims, webChatKey);
    }

    /** Signed by a published key that lists no endorsements. */
    String signedByUnendorsedKey(JWTClaimsSet claims) throws Exception {
        return sign(claims, unendorsedKey);
    }

    String signedByStranger(JWTClaimsSet claims) throws Exception {
        return sign(claims, strangerKey);
    }

    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** HS256 with the public key as the shared secret: the classic algorithm-confusion forgery. */
    String signedWithPublicKeyAsHmacSecret(JWTClaimsSet claims) throws Exception {
        byte[] secret = signingKey.toPublicJWK().toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("bf-key-1").build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    static JWTClaimsSet with(JWTClaimsSet.Builder builder, Consumer<JWTClaimsSet.Builder> change) {
        change.accept(builder);
        return builder.build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
