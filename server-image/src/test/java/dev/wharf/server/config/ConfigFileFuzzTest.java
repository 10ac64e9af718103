package dev.wharf.server.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** server.conf: any text is a ConfigFile or a ConfigException naming the file and line, nothing else. */
class ConfigFileFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyTextParsesOrIsRefusedWithALine(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ConfigFile config = ConfigFile.parse(text.lines().toList(), "fuzz.conf");
            for (String key : config.unusedKeys()) {
                config.get(key);
            }
        } catch (ConfigException e) {
            if (!e.getMessage().startsWith("fuzz.conf:")) {
                throw new AssertionError("error without the file and line: " + e.getMessage(), e);
            }
        }
    }
}
