package io.serviceaccountbot.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed the simulated tenant starts from ({@code bot.sandbox.seed}), and its SHA-256, by which a saved tenant tells
 * whether it began from the same seed.
 *
 * @param seed what the seed holds
 * @param digest the SHA-256 of its bytes, in hex
 */
record SeedFile(TenantSeed seed, String digest) {

    static SeedFile read(Resource resource, JsonMapper json) throws IOException {
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        }
        try {
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new SeedFile(json.readValue(bytes, TenantSeed.class), digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
