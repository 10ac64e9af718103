package dev.wharf.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers made with Debian 12's libxcrypt (python3 crypt.crypt), the library /etc/shadow uses. */
class PasswordHashTest {

    static final String SHA512 =
            "$6$wharfsalt$rqEualkJho.tZnva2GOIS5QzTTBeqNMxngJb/2o2xqgnvf9nEwzHOFoW2aZIKTfql/mvL8PpOaNojnNhOw6QT.";
    static final String SHA512_ROUNDS =
            "$6$rounds=10000$wharfsalt$uQPL.DRI/f3dBpGAi1AxELdQzgM85zGqD4rmN/Dnu7HeYDYPvE2nba8e05mgeIhaxsL79E0G6pWMhWAl6Kw9d.";
    static final String SHA256 = "$5$wharfsalt$cg9/RlLaaU7h2PVNwvStGUE0a7fOVfARDW/WfV8IBM/";
    static final String BCRYPT_2B = "$2b$10$abcdefghijklmnopqrstuu23JPZtHcGhwXSF41f93o/7vBdDut3Xu";
    static final String UMLAUT =
            "$6$umlaut$Rh7I7EMlrRkmesoQlCgMseTSAD8w4yQq.vBrBpvtUS01f9N40GykErPWi4YxRDClap7jMRrE90Sat.lNsHEdS0";
    /** crypt("x" * 100) and crypt("x" * 72) with this salt are equal: bcrypt reads 72 bytes. */
    static final String BCRYPT_LONG = "$2b$04$abcdefghijklmnopqrstuubzadhGtS2zEF.gu0yd0opP6cVzb.e0i";

    @ParameterizedTest
    @ValueSource(strings = {SHA512, SHA512_ROUNDS, SHA256, BCRYPT_2B,
        "$2a$10$abcdefghijklmnopqrstuu23JPZtHcGhwXSF41f93o/7vBdDut3Xu",
        "$2y$10$abcdefghijklmnopqrstuu23JPZtHcGhwXSF41f93o/7vBdDut3Xu"})
    void libxcryptHashesVerifyTheRightPasswordOnly(String encoded) {
        PasswordHash hash = PasswordHash.parse(encoded);
        assertTrue(hash.verify("correct horse"));
        assertFalse(hash.verify("correct horsE"));
        assertFalse(hash.verify("correct horse "));
        assertFalse(hash.verify(""));
    }

    @Test
    void schemesAreRecognised() {
        assertEquals(PasswordHash.Scheme.SHA512_CRYPT, PasswordHash.parse(SHA512).scheme());
        assertEquals(PasswordHash.Scheme.SHA256_CRYPT, PasswordHash.parse(SHA256).scheme());
        assertEquals(PasswordHash.Scheme.BCRYPT, PasswordHash.parse(BCRYPT_2B).scheme());
    }

    @Test
    void passwordsAreUtf8() {
        assertTrue(PasswordHash.parse(UMLAUT).verify("p\u00e4ssw\u00f6rd"));
        assertFalse(PasswordHash.parse(UMLAUT).verify("passwort"));
    }

    @Test
    void bcryptReadsOnlyTheFirst72BytesLikeLibxcrypt() {
        PasswordHash hash = PasswordHash.parse(BCRYPT_LONG);
        assertTrue(hash.verify("x".repeat(100)));
        assertTrue(hash.verify("x".repeat(72)));
        assertFalse(hash.verify("x".repeat(71)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "!", "!!", "!" + SHA512})
    void lockedAccountsNeverVerify(String encoded) {
        PasswordHash hash = PasswordHash.parse(encoded);
        assertEquals(PasswordHash.Scheme.LOCKED, hash.scheme());
        assertFalse(hash.verify("correct horse"));
        assertFalse(hash.verify(""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty password hash",
        "x|shadow file",
        "$1$salt$qJH7.N4xYta3aEG/dfqo/0|MD5 crypt",
        "abJnggxhB/yWI|DES crypt",
        "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7|yescrypt",
        "$6$wharfsalt$short|digest is 5 characters, expected 86",
        "$5$wharfsalt$rqEualkJho.tZnva2GOIS5QzTTBeqNMxngJb/2o2xqgnvf9nEwzHOFoW2aZIKTfql/mvL8PpOaNojnNhOw6QT.|expected 43",
        "$6$rounds=999999999$wharfsalt$rqEualkJho.tZnva2GOIS5QzTTBeqNMxngJb/2o2xqgnvf9nEwzHOFoW2aZIKTfql/mvL8PpOaNojnNhOw6QT.|above the limit",
        "$2b$31$abcdefghijklmnopqrstuu23JPZtHcGhwXSF41f93o/7vBdDut3Xu|bcrypt cost 31",
        "$2b$10$tooshort|malformed hash",
        "$6$bad salt$x|malformed hash",
        "plaintext-password|unrecognised"})
    void unsupportedOrHostileHashesAreRefusedWithoutEchoingThem(String encoded, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(encoded));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        if (encoded.length() > 3) {
            assertFalse(e.getMessage().contains(encoded), e.getMessage());
        }
    }

    @Test
    void newHashesAreSha512CryptWithRandomSalt() {
        String a = PasswordHash.sha512Crypt("s3cret");
        String b = PasswordHash.sha512Crypt("s3cret");
        assertTrue(a.startsWith("$6$"), a);
        assertNotEquals(a, b);
        assertTrue(PasswordHash.parse(a).verify("s3cret"));
        assertFalse(PasswordHash.parse(a).verify("s3cret!"));
        assertFalse(PasswordHash.parse(a).toString().contains(a));
    }
}
