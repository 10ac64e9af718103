package dev.wharf.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * One password hash from a Globus gridftp password file: SHA-512 crypt ({@code $6$}), SHA-256 crypt
 * ({@code $5$}), bcrypt ({@code $2a$ $2b$ $2y$}), or a locked account ({@code *}, {@code !...}) that
 * never verifies. {@link #parse} refuses everything else (MD5 crypt, DES, yescrypt, shadow {@code x})
 * and work factors so high that one login would pin a core for seconds.
 */
public record PasswordHash(Scheme scheme, String encoded) {

    public enum Scheme { SHA512_CRYPT, SHA256_CRYPT, BCRYPT, LOCKED }

    /** crypt(3) allows up to 999,999,999 rounds; beyond this a hostile or mistyped file becomes a DoS. */
    public static final long MAX_SHA_ROUNDS = 10_000_000;
    public static final int MAX_BCRYPT_COST = 16;
    /** bcrypt only ever reads this many bytes of a password (OpenBSD and libxcrypt truncate). */
    static final int BCRYPT_MAX_PASSWORD_BYTES = 72;

    private static final Pattern SHA_CRYPT =
            Pattern.compile("\\$([56])\\$(?:rounds=([0-9]{1,10})\\$)?[./0-9A-Za-z]{1,16}\\$([./0-9A-Za-z]+)");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$([0-9]{2})\\$[./0-9A-Za-z]{53}");
    private static final String CRYPT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Parses a hash field; the exception's message says what is wrong without echoing the hash. */
    public static PasswordHash parse(String field) {
        if (field.isEmpty()) {
            throw new IllegalArgumentException("empty password hash (accounts without a password are not allowed)");
        }
        if (field.equals("*") || field.startsWith("!")) {
            return new PasswordHash(Scheme.LOCKED, field);
        }
        Matcher sha = SHA_CRYPT.matcher(field);
        if (sha.matches()) {
            boolean sha512 = sha.group(1).equals("6");
            int expected = sha512 ? 86 : 43;
            if (sha.group(3).length() != expected) {
                throw new IllegalArgumentException("malformed " + (sha512 ? "SHA-512" : "SHA-256")
                        + " crypt hash (digest is " + sha.group(3).length() + " characters, expected " + expected + ")");
            }
            if (sha.group(2) != null && Long.parseLong(sha.group(2)) > MAX_SHA_ROUNDS) {
                throw new IllegalArgumentException("rounds=" + sha.group(2) + " is above the limit of " + MAX_SHA_ROUNDS);
            }
            return new PasswordHash(sha512 ? Scheme.SHA512_CRYPT : Scheme.SHA256_CRYPT, field);
        }
        Matcher bcrypt = BCRYPT.matcher(field);
        if (bcrypt.matches()) {
            int cost = Integer.parseInt(bcrypt.group(1));
            if (cost < 4 || cost > MAX_BCRYPT_COST) {
                throw new IllegalArgumentException("bcrypt cost " + cost + " is outside 4.." + MAX_BCRYPT_COST);
            }
            return new PasswordHash(Scheme.BCRYPT, field);
        }
        throw new IllegalArgumentException(describeUnsupported(field));
    }

    private static String describeUnsupported(String field) {
        String hint = "; use SHA-512 crypt ($6$, made by 'wharf-server passwd'), SHA-256 crypt ($5$) or bcrypt ($2b$)";
        if (field.equals("x")) {
            return "hash 'x' means the hash lives in a shadow file; put the hash itself in the password file" + hint;
        }
        if (field.startsWith("$1$")) {
            return "MD5 crypt ($1$) is too weak and not accepted" + hint;
        }
        if (field.startsWith("$y$") || field.startsWith("$7$") || field.startsWith("$gy$")) {
            return "yescrypt/scrypt hashes are not supported" + hint;
        }
        if (field.startsWith("$6$") || field.startsWith("$5$") || field.startsWith("$2")) {
            return "malformed hash" + hint;
        }
        if (field.length() == 13 && !field.startsWith("$")) {
            return "traditional DES crypt is too weak and not accepted" + hint;
        }
        return "unrecognised password hash format" + hint;
    }

    /** True when {@code password} matches; compares in constant time for equal-length digests. */
    public boolean verify(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            return switch (scheme) {
                case SHA512_CRYPT, SHA256_CRYPT -> MessageDigest.isEqual(
                        Crypt.crypt(bytes, encoded).getBytes(StandardCharsets.US_ASCII),
                        encoded.getBytes(StandardCharsets.US_ASCII));
                case BCRYPT -> OpenBSDBCrypt.checkPassword(encoded,
                        bytes.length > BCRYPT_MAX_PASSWORD_BYTES ? Arrays.copyOf(bytes, BCRYPT_MAX_PASSWORD_BYTES) : bytes);
                case LOCKED -> false;
            };
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A new SHA-512 crypt hash with a random 16-character salt and the default 5000 rounds. */
    public static String sha512Crypt(String password) {
        StringBuilder salt = new StringBuilder("$6$");
        for (int i = 0; i < 16; i++) {
            salt.append(CRYPT_ALPHABET.charAt(RANDOM.nextInt(CRYPT_ALPHABET.length())));
        }
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            return Sha2Crypt.sha512Crypt(bytes, salt.toString());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[" + scheme + "]";
    }
}
