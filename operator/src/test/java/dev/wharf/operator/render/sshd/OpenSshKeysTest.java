package dev.wharf.operator.render.sshd;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout of PROTOCOL.key; that OpenSSH itself loads the keys is shown by SshdSidecarImageTest. */
class OpenSshKeysTest {

    @Test
    void privateKeyIsAnUnencryptedOpensshKeyV1WithThePublicKeyInside() {
        OpenSshKeys.Pair pair = OpenSshKeys.generate("wharf test", new SecureRandom());
        String[] pub = pair.publicKey().split(" ");
        assertEquals("ssh-ed25519", pub[0]);
        assertEquals("wharf test", pair.publicKey().substring(pub[0].length() + pub[1].length() + 2));
        byte[] publicBlob = Base64.getDecoder().decode(pub[1]);

        String pem = pair.privateKey();
        assertTrue(pem.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n") && pem.endsWith("-----END OPENSSH PRIVATE KEY-----\n"));
        assertTrue(pem.lines().skip(1).takeWhile(l -> !l.startsWith("-----")).allMatch(l -> l.length() <= 70));
        String body = String.join("", pem.lines().filter(l -> !l.startsWith("-----")).toList());
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(body));
        byte[] magic = new byte[15];
        b.get(magic);
        assertEquals("openssh-key-v1\0", new String(magic, StandardCharsets.US_ASCII));
        assertEquals("none", string(b));
        assertEquals("none", string(b));
        assertEquals("", string(b));
        assertEquals(1, b.getInt());
        assertArrayEquals(publicBlob, bytes(b));
        ByteBuffer secret = ByteBuffer.wrap(bytes(b));
        assertEquals(0, secret.remaining() % 8, "padded to the cipher block size");
        assertEquals(secret.getInt(), secret.getInt(), "check words match");
        assertEquals("ssh-ed25519", string(secret));
        byte[] raw = bytes(secret);
        byte[] seedAndPub = bytes(secret);
        assertEquals(32, raw.length);
        assertArrayEquals(raw, Arrays.copyOfRange(seedAndPub, 32, 64));
        assertArrayEquals(raw, Arrays.copyOfRange(publicBlob, publicBlob.length - 32, publicBlob.length));
        assertEquals("wharf test", string(secret));
        for (int pad = 1; secret.hasRemaining(); pad++) {
            assertEquals(pad, secret.get());
        }
    }

    @Test
    void everyCallMakesANewKey() {
        assertNotEquals(OpenSshKeys.generate("a", new SecureRandom()).publicKey(),
                OpenSshKeys.generate("a", new SecureRandom()).publicKey());
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.getInt()];
        b.get(out);
        return out;
    }

    private static String string(ByteBuffer b) {
        return new String(bytes(b), StandardCharsets.UTF_8);
    }
}
