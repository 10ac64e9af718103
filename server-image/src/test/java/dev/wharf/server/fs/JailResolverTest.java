package dev.wharf.server.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JailResolverTest {

    @Test
    void thisKernelHasOpenat2() {
        // the CI and development machines run Linux 6.x; if this fails, the jail would refuse to start
        assertTrue(Openat2Resolver.supported());
        assertEquals(JailResolver.Kind.OPENAT2, JailResolver.choose(config(Map.of())));
    }

    @Test
    void withoutOpenat2TheServerRefusesToStartUnlessTheFallbackIsConfigured() {
        ConfigException e = assertThrows(ConfigException.class, () -> JailResolver.choose(config(Map.of()), false));
        assertTrue(e.getMessage().contains("openat2") && e.getMessage().contains("storage.jail-fallback = nofollow-walk"),
                e.getMessage());
        assertEquals(JailResolver.Kind.NOFOLLOW_WALK,
                JailResolver.choose(config(Map.of("storage.jail-fallback", "nofollow-walk")), false));
        assertEquals(JailResolver.Kind.OPENAT2,
                JailResolver.choose(config(Map.of("storage.jail-fallback", "nofollow-walk")), true));
    }

    @Test
    void anUnknownFallbackIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> JailResolver.choose(config(Map.of("storage.jail-fallback", "by-name")), true));
        assertTrue(e.getMessage().contains("storage.jail-fallback"), e.getMessage());
    }

    private static ConfigFile config(Map<String, String> values) {
        return ConfigFile.of(values);
    }
}
