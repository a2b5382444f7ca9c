package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The simulator's NTLM against the worked example of [MS-NLMP] section 4.2.4 (NTLMv2 authentication: user "User",
 * domain "Domain", password "Password", server challenge 0123456789abcdef, client challenge aaaaaaaaaaaaaaaa, time 0,
 * target info naming the domain "Domain" and the server "Server"), and MD4 against RFC 1320's test suite.
 */
class NtlmTest {

    static final HexFormat HEX = HexFormat.of();
    static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
    static final byte[] CLIENT_CHALLENGE = HEX.parseHex("aaaaaaaaaaaaaaaa");
    /** MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server", MsvAvEOL: the example's target info. */
    static final byte[] TARGET_INFO =
            HEX.parseHex("02000c0044006f006d00610069006e0001000c005300650072007600650072000000" + "0000");

    @Test
    void md4MatchesRfc1320() {
        assertThat(HEX.formatHex(Ntlm.md4(new byte[0]))).isEqualTo("31d6cfe0d16ae931b73c59d7e0c089c0");
        assertThat(HEX.formatHex(Ntlm.md4("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("a448017aaf21d8525fc10ae87aa6729d");
        assertThat(HEX.formatHex(
                        Ntlm.md4("12345678901234567890123456789012345678901234567890123456789012345678901234567890"
                                .getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("e33b4ddc9c38f2199c3e7b164fcc0536");
    }

    @Test
    void theNtHashNtowfV2AndNtProofStrAreThoseOfTheSpecificationsExample() {
        byte[] ntHash = Ntlm.ntHash("Password");
        byte[] ntowfV2 = Ntlm.ntowfV2(ntHash, "User", "Domain");
        byte[] proof = Ntlm.ntProofStr(ntowfV2, SERVER_CHALLENGE, blob());

        assertThat(HEX.formatHex(ntHash)).isEqualTo("a4f49c406510bdcab6824ee7c30fd852");
        assertThat(HEX.formatHex(ntowfV2)).isEqualTo("0c868a403bfd7a93a3001ef22ef02e3f");
        assertThat(HEX.formatHex(proof)).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
    }

    @Test
    void anAuthenticateMessageWithTheExamplesResponseIsAcceptedOnlyWithTheRightPasswordAndChallenge() {
        byte[] response = concat(HEX.parseHex("68cd0ab851e51c96aabc927bebef6a1c"), blob());
        Ntlm.Authenticate message = Ntlm.authenticate(authenticateMessage("Domain", "User", response))
                .orElseThrow();

        assertThat(message.user()).isEqualTo("User");
        assertThat(message.domain()).isEqualTo("Domain");
        assertThat(Ntlm.verify(message, SERVER_CHALLENGE, Ntlm.ntHash("Password")))
                .isTrue();
        assertThat(Ntlm.verify(message, SERVER_CHALLENGE, Ntlm.ntHash("password")))
                .isFalse();
        assertThat(Ntlm.verify(message, HEX.parseHex("0123456789abcdee"), Ntlm.ntHash("Password")))
                .isFalse();
        assertThat(Ntlm.verify(
                        new Ntlm.Authenticate("Domain", "Someone", response),
                        SERVER_CHALLENGE,
                        Ntlm.ntHash("Password")))
                .as("the user name is part of the proof")
                .isFalse();
    }

    @Test
    void anNtlmV1ResponseIsRefused() {
        Ntlm.Authenticate v1 = new Ntlm.Authenticate("Domain", "User", new byte[24]);

        assertThat(Ntlm.verify(v1, SERVER_CHALLENGE, Ntlm.ntHash("Password"))).isFalse();
    }

    @Test
    void theChallengeMessageCarriesTheServerChallengeAndTargetInfo() {
        byte[] challenge = Ntlm.challengeMessage(SERVER_CHALLENGE, "EXAMPLE", "EX01", "example.com");
        ByteBuffer buffer = ByteBuffer.wrap(challenge).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(Ntlm.type(challenge)).isEqualTo(2);
        assertThat(java.util.Arrays.copyOfRange(challenge, 24, 32)).isEqualTo(SERVER_CHALLENGE);
        assertThat(buffer.getInt(20) & 0x00800000).as("target info present").isNotZero();
        int infoLength = buffer.getShort(40);
        int infoOffset = buffer.getInt(44);
        assertThat(infoOffset + infoLength).isEqualTo(challenge.length);
    }

    /** The example's NTLMv2_CLIENT_CHALLENGE: 0x0101, reserved, time 0, the client challenge, target info. */
    static byte[] blob() {
        ByteBuffer blob = ByteBuffer.allocate(28 + TARGET_INFO.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        blob.put((byte) 1).put((byte) 1).putShort((short) 0).putInt(0);
        blob.putLong(0);
        blob.put(CLIENT_CHALLENGE);
        blob.putInt(0);
        blob.put(TARGET_INFO);
        blob.putInt(0);
        return blob.array();
    }

    static byte[] authenticateMessage(String domain, String user, byte[] ntResponse) {
        byte[] d = domain.getBytes(StandardCharsets.UTF_16LE);
        byte[] u = user.getBytes(StandardCharsets.UTF_16LE);
        int offset = 64;
        ByteBuffer message = ByteBuffer.allocate(offset + ntResponse.length + d.length + u.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        message.put(Ntlm.SIGNATURE).putInt(3);
        message.putShort((short) 0).putShort((short) 0).putInt(offset); // LM response: none
        message.putShort((short) ntResponse.length)
                .putShort((short) ntResponse.length)
                .putInt(offset);
        message.putShort((short) d.length).putShort((short) d.length).putInt(offset + ntResponse.length);
        message.putShort((short) u.length).putShort((short) u.length).putInt(offset + ntResponse.length + d.length);
        message.putShort((short) 0).putShort((short) 0).putInt(message.capacity()); // workstation
        message.putShort((short) 0).putShort((short) 0).putInt(message.capacity()); // session key
        message.putInt(0x00000001); // unicode
        message.put(ntResponse).put(d).put(u);
        return message.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
