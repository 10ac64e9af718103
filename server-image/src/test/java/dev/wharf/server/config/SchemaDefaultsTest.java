package dev.wharf.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.config.ConfigKey;
import dev.wharf.config.ServerConfSchema;
import dev.wharf.server.ShutdownSettings;
import dev.wharf.server.acl.AclSettings;
import dev.wharf.server.admin.AdminSettings;
import dev.wharf.server.auth.AuthSettings;
import dev.wharf.server.auth.LoginThrottle;
import dev.wharf.server.cli.LoggingSetup;
import dev.wharf.server.dcap.DcapSettings;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.gridftp.modee.ModeESettings;
import dev.wharf.server.gsi.GsiSettings;
import dev.wharf.server.net.NetSettings;
import dev.wharf.server.privileges.PrivilegeSettings;
import dev.wharf.server.srm.SrmSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings records take every default from the declared schema, so a default changed in config-schema
 * changes the server: read against a schema whose every default is another allowed value, each record
 * follows it. A record that spelled its own default would keep it and fail here.
 */
class SchemaDefaultsTest {

    @TempDir
    Path dir;

    /** What each record made of a key when server.conf does not set it, as the key's value would be written. */
    private static Map<String, Function<ConfigFile, Object>> readings() {
        Map<String, Function<ConfigFile, Object>> r = new LinkedHashMap<>();
        r.put("control.interface", c -> NetSettings.from(c).controlInterface().getHostAddress());
        r.put("data.port-range", c -> NetSettings.from(c).portRange());
        r.put("net.proxy-protocol", c -> NetSettings.from(c).proxyProtocol());
        r.put("limits.clients", c -> NetSettings.from(c).maxClients());
        r.put("limits.clients-per-address", c -> NetSettings.from(c).maxPerAddress());
        r.put("limits.login-grace", c -> NetSettings.from(c).loginGrace().toSeconds());
        r.put("limits.idle-timeout", c -> NetSettings.from(c).idleTimeout().toSeconds());
        r.put("limits.streams-per-client", c -> ModeESettings.from(c).maxStreams());
        r.put("ftp.port", c -> FtpSettings.plain(c).port());
        r.put("ftps.port", c -> FtpSettings.implicitTls(c).port());
        r.put("gridftp.port", c -> FtpSettings.gridftp(c).port());
        r.put("transfer.overwrite", c -> FtpSettings.plain(c).overwrite() + "/" + DcapSettings.from(c).overwrite());
        r.put("log.aborted-transfers", c -> FtpSettings.plain(c).logAbortedTransfers());
        r.put("ftp.list-format", c -> FtpSettings.plain(c).listFormat().value());
        r.put("tls.allow-ccc", c -> FtpSettings.plain(c).allowCcc());
        r.put("tls.require", c -> FtpSettings.plain(c).requireTls());
        r.put("ftp.allow-third-party", c -> FtpSettings.plain(c).allowThirdParty());
        r.put("transfer.splice-uploads", c -> FtpSettings.plain(c).spliceUploads());
        r.put("dcap.port", c -> DcapSettings.from(c).port());
        r.put("gsidcap.port", c -> DcapSettings.gsi(c).port());
        r.put("dcap.anonymous-max-hole", c -> DcapSettings.from(c).anonymousMaxHole());
        r.put("dcap.discard-uploads", c -> DcapSettings.from(c).discardUploads());
        r.put("auth.username-password", c -> AuthSettings.fromConfig(c).usernamePassword());
        r.put("anonymous.enabled", c -> AuthSettings.fromConfig(c).anonymousEnabled());
        r.put("anonymous.user", c -> AuthSettings.fromConfig(c).anonymousUser());
        r.put("anonymous.require-email-password", c -> AuthSettings.fromConfig(c).anonymousRequireEmail());
        r.put("auth.failure-delay-ms", c -> LoginThrottle.Settings.fromConfig(c).delayMillis());
        r.put("auth.failure-delay-max-ms", c -> LoginThrottle.Settings.fromConfig(c).maxDelayMillis());
        r.put("auth.max-failures", c -> LoginThrottle.Settings.fromConfig(c).maxFailures());
        r.put("auth.address-failures", c -> LoginThrottle.Settings.fromConfig(c).addressFailures());
        r.put("auth.address-window", c -> LoginThrottle.Settings.fromConfig(c).addressWindow().toSeconds());
        r.put("gsi.host-certificate", c -> GsiSettings.from(c).hostCertificate());
        r.put("gsi.host-key", c -> GsiSettings.from(c).hostKey());
        r.put("gsi.cert-dir", c -> GsiSettings.from(c).certDir());
        r.put("gsi.tls-protocols", c -> String.join(" ", GsiSettings.from(c).tlsProtocols()));
        r.put("srm.port", c -> SrmSettings.from(c).port());
        r.put("srm.max-request-bytes", c -> SrmSettings.from(c).maxRequestBytes());
        r.put("srm.ls-max-entries", c -> SrmSettings.from(c).lsMaxEntries());
        r.put("admin.port", c -> AdminSettings.fromConfig(c).port());
        r.put("shutdown.grace-period", c -> ShutdownSettings.fromConfig(c).gracePeriod().toSeconds());
        r.put("log.level", c -> LoggingSetup.level(c).toString().toLowerCase(Locale.ROOT));
        r.put("acl.enabled", c -> AclSettings.from(c).enabled());
        r.put("acl.default.authenticated", c -> AclSettings.from(c).defaultAuthenticated().value());
        r.put("acl.default.anonymous", c -> AclSettings.from(c).defaultAnonymous().value());
        r.put("acl.cache.revalidate-ms", c -> AclSettings.from(c).revalidateMillis());
        r.put("acl.owner-store", c -> AclSettings.from(c).ownerStore().name().toLowerCase(Locale.ROOT));
        r.put("privileges.memory-lock", c -> PrivilegeSettings.from(c).lockMemory() ? "auto" : "off");
        r.put("privileges.open-files", c -> PrivilegeSettings.from(c).openFiles());
        r.put("privileges.pipe-size", c -> PrivilegeSettings.from(c).pipeSize());
        r.put("privileges.net-nice", c -> PrivilegeSettings.from(c).netNice());
        return r;
    }

    /** {@code key} declared with another allowed default than the schema's. */
    private static ConfigKey changed(ConfigKey k) {
        String d = k.defaultValue();
        if (d == null) {
            return k;
        }
        List<String> choices = k.values().choices();
        String other = switch (k.type()) {
            case INTEGER -> String.valueOf(k.longDefault() < k.values().max() ? k.longDefault() + 1 : k.longDefault() - 1);
            case BOOLEAN -> String.valueOf(!Boolean.parseBoolean(d));
            case CHOICE -> choices.get((choices.indexOf(d) + 1) % choices.size());
            case LIST -> choices.isEmpty() ? d : choices.get(choices.size() - 1);
            case PORT_RANGE -> "30000-30099";
            case ADDRESS -> "127.0.0.2";
            case PATH -> "/changed" + d;
            default -> d + "2";
        };
        return new ConfigKey(k.name(), k.type(), other, k.defaultNote(), k.values(), k.doors(), k.doc());
    }

    private static Optional<ConfigKey> changedSchema(String name) {
        return ServerConfSchema.key(name).map(SchemaDefaultsTest::changed);
    }

    /**
     * What the flipped switches need (anonymous and dCap a root, PROXY a trusted proxy), so the records can
     * be read at all; none of these keys has a default.
     */
    private ConfigFile roots() {
        return ConfigFile.of(Map.of("storage.root", dir.toString(), "anonymous.root", dir.toString(),
                "net.proxy-trusted", "127.0.0.1"));
    }

    /** How a reading shows the default {@code value} (transfer.overwrite is read by two records). */
    private static String shown(String key, String value) {
        return key.equals("transfer.overwrite") ? value + "/" + value : value;
    }

    @Test
    void anUnsetKeyIsTheDeclaredDefault() {
        readings().forEach((key, reading) -> assertEquals(shown(key, ServerConfSchema.require(key).defaultValue()),
                String.valueOf(reading.apply(roots())), key));
    }

    @Test
    void aDefaultChangedInTheSchemaChangesTheServer() {
        ConfigFile config = roots().withDeclarations(SchemaDefaultsTest::changedSchema);
        readings().forEach((key, reading) -> {
            String expected = shown(key, changedSchema(key).orElseThrow().defaultValue());
            assertEquals(expected, String.valueOf(reading.apply(config)), key + " keeps a default of its own");
        });
        Set<String> unchecked = new TreeSet<>(config.readKeys());
        unchecked.removeIf(k -> readings().containsKey(k) || changedSchema(k).map(d -> d.defaultValue() == null).orElse(true));
        assertEquals(Set.of(), unchecked, "keys with a declared default the records read, not checked here: add them above");
    }
}
