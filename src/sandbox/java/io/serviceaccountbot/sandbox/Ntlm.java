package io.serviceaccountbot.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of NTLM ([MS-NLMP]) as the simulated Exchange Web Services needs it: it reads a NEGOTIATE_MESSAGE
 * (type 1), writes a CHALLENGE_MESSAGE (type 2: a random 8-byte server challenge, the target name and target info),
 * reads an AUTHENTICATE_MESSAGE (type 3) and checks its NTLMv2 response against the user's NT hash: NTProofStr =
 * HMAC-MD5(NTOWFv2, serverChallenge || blob), NTOWFv2 = HMAC-MD5(NT hash, UTF-16LE(UPPER(user) + domain)), the NT hash
 * being MD4(UTF-16LE(password)) (RFC 1320, written here: MD4 is in none of the JDK's providers). An NTLMv1 response (24
 * bytes) is refused, as Windows servers refuse it at LmCompatibilityLevel 5. No session key, signing or sealing: HTTP
 * authentication needs none.
 */
final class Ntlm {

    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    private static final int NEGOTIATE_UNICODE = 0x00000001;
    private static final int REQUEST_TARGET = 0x00000004;
    private static final int NEGOTIATE_NTLM = 0x00000200;
    private static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    private static final int TARGET_TYPE_DOMAIN = 0x00010000;
    private static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    private static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    private static final int NEGOTIATE_128 = 0x20000000;
    private static final int NEGOTIATE_56 = 0x80000000;

    private static final int AV_EOL = 0;
    private static final int AV_NB_COMPUTER_NAME = 1;
    private static final int AV_NB_DOMAIN_NAME = 2;
    private static final int AV_DNS_COMPUTER_NAME = 3;
    private static final int AV_DNS_DOMAIN_NAME = 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ntlm() {}

    /** The message type of a token (1, 2 or 3), or 0 when it is no NTLM message. */
    static int type(byte[] token) {
        if (token.length < 12 || !Arrays.equals(Arrays.copyOf(token, 8), SIGNATURE)) {
            return 0;
        }
        return ByteBuffer.wrap(token, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** A fresh random 8-byte server challenge. */
    static byte[] serverChallenge() {
        byte[] challenge = new byte[8];
        RANDOM.nextBytes(challenge);
        return challenge;
    }

    /**
     * The CHALLENGE_MESSAGE: the server challenge, the NetBIOS domain as target name, and target info naming the
     * domain and the server (NetBIOS and DNS).
     */
    static byte[] challengeMessage(byte[] serverChallenge, String netbiosDomain, String server, String dnsDomain) {
        byte[] targetName = utf16(netbiosDomain);
        ByteBuffer info = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        avPair(info, AV_NB_DOMAIN_NAME, netbiosDomain);
        avPair(info, AV_NB_COMPUTER_NAME, server);
        avPair(info, AV_DNS_DOMAIN_NAME, dnsDomain);
        avPair(info, AV_DNS_COMPUTER_NAME, server.toLowerCase(Locale.ROOT) + "." + dnsDomain);
        info.putShort((short) AV_EOL).putShort((short) 0);
        byte[] targetInfo = Arrays.copyOf(info.array(), info.position());
        int header = 48;
        ByteBuffer message = ByteBuffer.allocate(header + targetName.length + targetInfo.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        message.put(SIGNATURE).putInt(2);
        message.putShort((short) targetName.length)
                .putShort((short) targetName.length)
                .putInt(header);
        message.putInt(NEGOTIATE_UNICODE
                | REQUEST_TARGET
                | NEGOTIATE_NTLM
                | NEGOTIATE_ALWAYS_SIGN
                | TARGET_TYPE_DOMAIN
                | NEGOTIATE_EXTENDED_SESSIONSECURITY
                | NEGOTIATE_TARGET_INFO
                | NEGOTIATE_128
                | NEGOTIATE_56);
        message.put(serverChallenge);
        message.putLong(0);
        message.putShort((short) targetInfo.length)
                .putShort((short) targetInfo.length)
                .putInt(header + targetName.length);
        message.put(targetName).put(targetInfo);
        return message.array();
    }

    /**
     * What an AUTHENTICATE_MESSAGE says: who signs in, and the NTLMv2 response.
     *
     * @param domain the user's domain as the client sent it (empty for a user principal name)
     * @param user the user name as the client sent it
     * @param ntResponse NTProofStr followed by the client's blob
     */
    record Authenticate(String domain, String user, byte[] ntResponse) {}

    /** Reads an AUTHENTICATE_MESSAGE; empty when it is not one or is malformed. */
    static Optional<Authenticate> authenticate(byte[] token) {
        if (type(token) != 3 || token.length < 64) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(token).order(ByteOrder.LITTLE_ENDIAN);
        int flags = buffer.getInt(60);
        try {
            byte[] ntResponse = field(token, buffer, 20);
            byte[] domain = field(token, buffer, 28);
            byte[] user = field(token, buffer, 36);
            boolean unicode = (flags & NEGOTIATE_UNICODE) != 0;
            return Optional.of(new Authenticate(text(domain, unicode), text(user, unicode), ntResponse));
        } catch (IndexOutOfBoundsException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Whether the NTLMv2 response was made with this NT hash for this server challenge. */
    static boolean verify(Authenticate message, byte[] serverChallenge, byte[] ntHash) {
        byte[] response = message.ntResponse();
        if (ntHash == null || response.length <= 24) {
            return false; // no hash kept for the user, or NTLMv1
        }
        byte[] proof = Arrays.copyOf(response, 16);
        byte[] blob = Arrays.copyOfRange(response, 16, response.length);
        byte[] expected = ntProofStr(ntowfV2(ntHash, message.user(), message.domain()), serverChallenge, blob);
        return MessageDigest.isEqual(proof, expected);
    }

    /** NTOWFv2: HMAC-MD5 keyed with the NT hash of UTF-16LE(UPPER(user) + domain). */
    static byte[] ntowfV2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, utf16(user.toUpperCase(Locale.ROOT) + domain));
    }

    /** NTProofStr: HMAC-MD5 keyed with NTOWFv2 of the server challenge followed by the client's blob. */
    static byte[] ntProofStr(byte[] ntowfV2, byte[] serverChallenge, byte[] blob) {
        byte[] message = Arrays.copyOf(serverChallenge, serverChallenge.length + blob.length);
        System.arraycopy(blob, 0, message, serverChallenge.length, blob.length);
        return hmacMd5(ntowfV2, message);
    }

    /** The NT hash (NTOWFv1): MD4 of the UTF-16LE password. */
    static byte[] ntHash(String password) {
        return md4(utf16(password));
    }

    static byte[] hmacMd5(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MD4 (RFC 1320). */
    static byte[] md4(byte[] input) {
        long bitLength = (long) input.length * 8;
        int padded = ((input.length + 8) / 64 + 1) * 64;
        byte[] message = Arrays.copyOf(input, padded);
        message[input.length] = (byte) 0x80;
        ByteBuffer.wrap(message, padded - 8, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(bitLength);
        int a = 0x67452301;
        int b = 0xefcdab89;
        int c = 0x98badcfe;
        int d = 0x10325476;
        int[] x = new int[16];
        ByteBuffer words = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                x[i] = words.getInt(block + i * 4);
            }
            int aa = a;
            int bb = b;
            int cc = c;
            int dd = d;
            int[] s1 = {3, 7, 11, 19};
            for (int i = 0; i < 16; i++) {
                int t = a + ((b & c) | (~b & d)) + x[i];
                a = d;
                d = c;
                c = b;
                b = Integer.rotateLeft(t, s1[i % 4]);
            }
            int[] s2 = {3, 5, 9, 13};
            for (int i = 0; i < 16; i++) {
                int k = (i % 4) * 4 + i / 4;
                int t = a + ((b & c) | (b & d) | (c & d)) + x[k] + 0x5a827999;
                a = d;
                d = c;
                c = b;
                b = Integer.rotateLeft(t, s2[i % 4]);
            }
            int[] s3 = {3, 9, 11, 15};
            int[] order3 = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
            for (int i = 0; i < 16; i++) {
                int t = a + (b ^ c ^ d) + x[order3[i]] + 0x6ed9eba1;
                a = d;
                d = c;
                c = b;
                b = Integer.rotateLeft(t, s3[i % 4]);
            }
            a += aa;
            b += bb;
            c += cc;
            d += dd;
        }
        return ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(a)
                .putInt(b)
                .putInt(c)
                .putInt(d)
                .array();
    }

    private static byte[] field(byte[] token, ByteBuffer buffer, int at) {
        int length = Short.toUnsignedInt(buffer.getShort(at));
        int offset = buffer.getInt(at + 4);
        if (offset < 0 || offset + length > token.length) {
            throw new IllegalArgumentException("field out of the message");
        }
        return Arrays.copyOfRange(token, offset, offset + length);
    }

    private static String text(byte[] bytes, boolean unicode) {
        return new String(bytes, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII);
    }

    private static void avPair(ByteBuffer info, int id, String value) {
        byte[] bytes = utf16(value);
        info.putShort((short) id).putShort((short) bytes.length).put(bytes);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }
}
