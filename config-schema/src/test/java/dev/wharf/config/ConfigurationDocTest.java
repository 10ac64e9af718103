package dev.wharf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's key tables are the schema's rendering. After changing a key, regenerate them:
 * {@code ./mvnw -B -o -q -pl config-schema test -Dtest=ConfigurationDocTest -Dwharf.docs.update=true}.
 */
class ConfigurationDocTest {

    private static final Path PAGE = Path.of("..", "docs", "configuration.md");

    @Test
    void theKeyTablesAreGeneratedFromTheSchema() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String generated = ConfigurationTables.rewrite(page);
        if (Boolean.getBoolean("wharf.docs.update")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, page, "docs/configuration.md differs from ServerConfSchema: regenerate it (see this class)");
    }
}
