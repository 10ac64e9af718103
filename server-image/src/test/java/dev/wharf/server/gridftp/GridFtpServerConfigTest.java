package dev.wharf.server.gridftp;

import static dev.wharf.server.ftp.RawFtp.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.Door;
import dev.wharf.server.WharfServer;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.ftp.RawFtp;
import dev.wharf.server.gsi.GsiSettings;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server.conf → DoorTable → a running gsiftp door that speaks AUTH GSSAPI and refuses plain USER. */
class GridFtpServerConfigTest {

    @TempDir
    Path tmp;

    @Test
    void gridftpEnabledStartsTheGsiftpDoor() throws Exception {
        TestPki pki = TestPki.create(Files.createDirectories(tmp.resolve("certificates")));
        GsiSettings gsi = pki.settings(tmp, List.of("TLSv1.3"));
        Path root = Files.createDirectories(tmp.resolve("root"));
        WharfServer server = WharfServer.create(ConfigFile.of(Map.of("admin.port", "0", "ftp.port", "0",
                "gridftp.enabled", "true", "gridftp.port", "0", "storage.root", root.toString(),
                "gsi.host-certificate", gsi.hostCertificate().toString(), "gsi.host-key", gsi.hostKey().toString(),
                "gsi.cert-dir", pki.certDir().toString())));
        server.start();
        try {
            Door door = server.doors().stream().filter(d -> d.name().equals("gridftp")).findFirst().orElseThrow();
            try (RawFtp ftp = new RawFtp(door.localAddress().getPort())) {
                expect(220, ftp.reply());
                expect(530, ftp.command("USER alice"));
                String feat = ftp.command("FEAT");
                assertTrue(feat.contains(" AUTH GSSAPI") && feat.contains(" DCAU"), feat);
                expect(334, ftp.command("AUTH GSSAPI"));
            }
        } finally {
            server.close();
        }
    }
}
