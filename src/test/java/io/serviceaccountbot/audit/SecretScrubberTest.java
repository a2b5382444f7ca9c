package io.serviceaccountbot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    @Test
    void bearerTokensAndJsonWebTokensAreRemoved() {
        assertThat(SecretScrubber.clean("Authorization: Bearer abc.def-ghi_jkl=", 200))
                .isEqualTo("Authorization: [token removed]");
        assertThat(SecretScrubber.clean("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln in the text", 200))
                .isEqualTo("token [token removed] in the text");
    }

    @Test
    void passwordAndSecretPairsLoseTheirValue() {
        assertThat(SecretScrubber.clean("password=Hunter2!x, client_secret: \"s3cr3t value\" pwd=abc", 200))
                .isEqualTo("password=[removed] client_secret: [removed] pwd=[removed]");
    }

    @Test
    void ordinaryWordsStay() {
        String text = "Stored the password in Key Vault as svc-sync-password; the secret store holds it";

        assertThat(SecretScrubber.clean(text, 200)).isEqualTo(text);
    }

    @Test
    void aLongTextIsCutToItsColumn() {
        assertThat(SecretScrubber.clean("x".repeat(50), 10))
                .isEqualTo("xxxxxxxxx…")
                .hasSize(10);
        assertThat(SecretScrubber.clean(null, 10)).isNull();
    }
}
