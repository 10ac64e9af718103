package dev.wharf.operator.render.sshd;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 key pairs in OpenSSH's own formats, made with the JDK alone: the private key as an unencrypted
 * {@code openssh-key-v1} PEM block (PROTOCOL.key in OpenSSH's sources), the public key as an
 * authorized_keys line. The container tests load both with the image's ssh, ssh-keygen and sshd.
 */
public final class OpenSshKeys {

    private static final String KEY_TYPE = "ssh-ed25519";
    private static final String PEM_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String PEM_END = "-----END OPENSSH PRIVATE KEY-----";
    /** An X.509 SubjectPublicKeyInfo of Ed25519 is a fixed 12-byte header and the 32-byte key. */
    private static final int RAW_KEY_LENGTH = 32;

    /** One key pair: {@code privateKey} (PEM) and {@code publicKey} ({@code ssh-ed25519 AAAA... comment}). */
    public record Pair(String privateKey, String publicKey) {
    }

    private OpenSshKeys() {
    }

    /** A new key pair; the only impure function of the render package, called by the reconciler. */
    public static Pair generate(String comment, SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, random);
            return encode(g.generateKeyPair(), comment);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** {@code keys} in OpenSSH's formats. */
    public static Pair encode(KeyPair keys, String comment) {
        byte[] x509 = keys.getPublic().getEncoded();
        byte[] pub = Arrays.copyOfRange(x509, x509.length - RAW_KEY_LENGTH, x509.length);
        byte[] seed = ((EdECPrivateKey) keys.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key hides its seed"));
        byte[] publicBlob = publicBlob(pub);
        String publicLine = KEY_TYPE + " " + Base64.getEncoder().encodeToString(publicBlob) + " " + comment;
        return new Pair(pem(privateFile(publicBlob, pub, seed, comment)), publicLine);
    }

    /** Whether {@code pem} looks like a key this class wrote (enough to decide to keep it). */
    public static boolean isPrivateKey(String pem) {
        return pem != null && pem.startsWith(PEM_BEGIN) && pem.strip().endsWith(PEM_END);
    }

    /** Whether {@code line} is an ssh-ed25519 authorized_keys line. */
    public static boolean isPublicKey(String line) {
        return line != null && line.startsWith(KEY_TYPE + " ") && line.strip().split(" ").length >= 2;
    }

    private static byte[] publicBlob(byte[] pub) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
        string(out, pub);
        return out.toByteArray();
    }

    private static byte[] privateFile(byte[] publicBlob, byte[] pub, byte[] seed, String comment) {
        ByteArrayOutputStream secret = new ByteArrayOutputStream();
        // Two equal check words prove a correct decryption; the key is not encrypted, any value does.
        byte[] check = Arrays.copyOfRange(pub, 0, 4);
        secret.writeBytes(check);
        secret.writeBytes(check);
        string(secret, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
        string(secret, pub);
        byte[] seedAndPub = new byte[64];
        System.arraycopy(seed, 0, seedAndPub, 0, 32);
        System.arraycopy(pub, 0, seedAndPub, 32, 32);
        string(secret, seedAndPub);
        string(secret, comment.getBytes(StandardCharsets.UTF_8));
        for (int pad = 1; secret.size() % 8 != 0; pad++) {
            secret.write(pad);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
        string(out, "none".getBytes(StandardCharsets.US_ASCII));
        string(out, "none".getBytes(StandardCharsets.US_ASCII));
        string(out, new byte[0]);
        out.writeBytes(ByteBuffer.allocate(4).putInt(1).array());
        string(out, publicBlob);
        string(out, secret.toByteArray());
        return out.toByteArray();
    }

    private static String pem(byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder(PEM_BEGIN).append('\n');
        for (int i = 0; i < b64.length(); i += 70) {
            sb.append(b64, i, Math.min(b64.length(), i + 70)).append('\n');
        }
        return sb.append(PEM_END).append('\n').toString();
    }

    /** SSH wire format string: uint32 length, then the bytes. */
    private static void string(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
