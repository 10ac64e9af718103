package dev.wharf.server.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wharf.server.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The password file: any text is a PasswordFile or a ConfigException naming the file, nothing else. */
class PasswordFileFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyTextParsesOrIsRefused(byte[] input) {
        List<String> lines = List.of(new String(input, StandardCharsets.UTF_8).split("\n", -1));
        try {
            PasswordFile file = PasswordFile.parse(lines, "fuzz-passwd");
            for (PasswordEntry entry : file.entries().values()) {
                entry.hash().verify("guess");
            }
        } catch (ConfigException e) {
            if (!e.getMessage().contains("fuzz-passwd")) {
                throw new AssertionError("error without the file: " + e.getMessage(), e);
            }
        }
    }
}
