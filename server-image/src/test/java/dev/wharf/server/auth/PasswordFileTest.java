package dev.wharf.server.auth;

import static dev.wharf.server.auth.PasswordHashTest.BCRYPT_2B;
import static dev.wharf.server.auth.PasswordHashTest.SHA512;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void parsesGlobusLinesSkippingCommentsBlankLinesAndCarriageReturns() {
        PasswordFile file = PasswordFile.parse(List.of(
                "# made by gridftp-password",
                "",
                "alice:" + SHA512 + ":1000:1000:Alice A.:/data/alice:/bin/bash\r",
                "   ",
                "  # indented comment",
                "bob:" + BCRYPT_2B + ":1001:100::/data/bob:"), "passwd");
        assertEquals(List.of("alice", "bob"), List.copyOf(file.entries().keySet()));
        PasswordEntry alice = file.find("alice").orElseThrow();
        assertEquals("/data/alice", alice.home());
        assertEquals("/bin/bash", alice.shell());
        assertEquals(1000, alice.uid());
        assertEquals("Alice A.", alice.gecos());
        assertTrue(alice.hash().verify("correct horse"));
        assertEquals("alice:" + SHA512 + ":1000:1000:Alice A.:/data/alice:/bin/bash", alice.toLine());
        assertTrue(file.find("carol").isEmpty());
        assertTrue(file.find("Alice").isEmpty(), "user names are case-sensitive");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice:HASH:1000:1000::/home/alice|expected 7 ':'-separated fields",
        "alice:HASH:1000:1000::/home/alice:/bin/sh:extra|found 8",
        ":HASH:1000:1000::/home/x:/bin/sh|user name ''",
        "al ice:HASH:1000:1000::/home/x:/bin/sh|user name 'al ice'",
        "../etc:HASH:1000:1000::/home/x:/bin/sh|user name '../etc'",
        "-rf:HASH:1000:1000::/home/x:/bin/sh|not starting with -",
        "alice:HASH:-1:1000::/home/x:/bin/sh|uid '-1'",
        "alice:HASH:1000:abc::/home/x:/bin/sh|gid 'abc'",
        "alice:HASH:99999999999:1::/home/x:/bin/sh|uid '99999999999'",
        "alice:HASH:1000:1000::home/alice:/bin/sh|must be an absolute path",
        "alice:$1$salt$qJH7.N4xYta3aEG/dfqo/0:1000:1000::/home/x:/bin/sh|user 'alice': MD5 crypt"})
    void hostileLinesAreRefusedWithTheirLineNumber(String line, String expected) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PasswordFile.parse(List.of("# header", line.replace("HASH", SHA512)), "pw"));
        assertTrue(e.getMessage().contains("pw:2: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains(SHA512), "never echoes a hash: " + e.getMessage());
    }

    @Test
    void controlCharactersAndNulBytesAreRefused() {
        ConfigException nul = assertThrows(ConfigException.class,
                () -> PasswordFile.parse(List.of("ali\0ce:" + SHA512 + ":1:1::/h:/s"), "pw"));
        assertTrue(nul.getMessage().contains("pw:1: control character (code 0) at column 4"), nul.getMessage());
        ConfigException escape = assertThrows(ConfigException.class,
                () -> PasswordFile.parse(List.of("alice:" + SHA512 + ":1:1:\u001b[31m:/h:/s"), "pw"));
        assertTrue(escape.getMessage().contains("code 27"), escape.getMessage());
    }

    @Test
    void overLongLinesAreRefusedWithoutEchoingThem() {
        String line = "alice:" + SHA512 + ":1:1:" + "g".repeat(10_000) + ":/h:/s";
        ConfigException e = assertThrows(ConfigException.class, () -> PasswordFile.parse(List.of(line), "pw"));
        assertTrue(e.getMessage().contains("pw:1: line is longer than 4096"), e.getMessage());
        assertTrue(e.getMessage().length() < 200);
    }

    @Test
    void duplicateUsersAndSeveralErrorsAreAllReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> PasswordFile.parse(List.of(
                "alice:" + SHA512 + ":1:1::/h:/s",
                "bob:x:1:1::/h:/s",
                "alice:" + BCRYPT_2B + ":1:1::/h:/s",
                "carol"), "pw"));
        assertTrue(e.getMessage().contains("pw:2: user 'bob': hash 'x' means"), e.getMessage());
        assertTrue(e.getMessage().contains("pw:3: user 'alice' is already defined on line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("pw:4: expected 7"), e.getMessage());
    }

    @Test
    void loadRefusesInvalidUtf8AndMissingFiles() throws Exception {
        Path bad = Files.write(dir.resolve("passwd"), new byte[] {'a', ':', (byte) 0xC3, (byte) 0x28, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> PasswordFile.load(bad));
        assertTrue(e.getMessage().contains("is not valid UTF-8"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> PasswordFile.load(dir.resolve("nope")));
        assertTrue(missing.getMessage().endsWith("nope: file not found"), missing.getMessage());
    }

    @Test
    void loadReadsAFileWithCrLfLineEndings() throws Exception {
        Path file = Files.writeString(dir.resolve("passwd"), "alice:" + SHA512 + ":1:1::/h:/s\r\n");
        assertTrue(PasswordFile.load(file).find("alice").orElseThrow().hash().verify("correct horse"));
    }
}
