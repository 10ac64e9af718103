package dev.wharf.server.gsi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wharf.server.config.ConfigException;
import java.nio.charset.StandardCharsets;

/** The grid-mapfile: any text is a GridMap or a ConfigException naming the file, nothing else. */
class GridMapFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyTextParsesOrIsRefused(byte[] input) {
        try {
            GridMapParser.parse(new String(input, StandardCharsets.UTF_8).lines().toList(), "fuzz-gridmap");
        } catch (ConfigException e) {
            if (!e.getMessage().contains("fuzz-gridmap")) {
                throw new AssertionError("error without the file: " + e.getMessage(), e);
            }
        }
    }
}
