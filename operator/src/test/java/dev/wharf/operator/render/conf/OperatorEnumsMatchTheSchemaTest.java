package dev.wharf.operator.render.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.config.ServerConfSchema;
import dev.wharf.operator.api.AccessLevel;
import dev.wharf.operator.api.ListFormat;
import dev.wharf.operator.api.LogLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The operator's CRD enums (it cannot use the server's types: they live in the server) offer only values
 * the server's schema accepts for the key they are rendered into; where the CRD offers the same choices
 * as the server, in the same order, a new server value cannot be forgotten.
 */
class OperatorEnumsMatchTheSchemaTest {

    private static List<String> choices(String key) {
        return ServerConfSchema.require(key).values().choices();
    }

    @Test
    void aclLevelsAndListFormatsAreTheServersExactly() {
        List<String> levels = Arrays.stream(AccessLevel.values()).map(AccessLevel::value).toList();
        assertEquals(choices("acl.default.authenticated"), levels);
        assertEquals(choices("acl.default.anonymous"), levels);
        assertEquals(choices("ftp.list-format"), Arrays.stream(ListFormat.values()).map(ListFormat::value).toList());
    }

    @Test
    void logLevelsAreAmongTheServers() {
        for (LogLevel level : LogLevel.values()) {
            assertEquals(Optional.empty(), ServerConfSchema.problem("log.level", level.value()), level.value());
        }
        assertTrue(choices("log.level").contains("all"), "the server also accepts 'all', which the CRD does not offer");
    }
}
