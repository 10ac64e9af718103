package dev.wharf.server.ftp;

import static dev.wharf.server.ftp.RawFtp.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.auth.PasswordHash;
import dev.wharf.server.fs.HiddenNames;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §6: the server process killed with SIGKILL in the middle of two uploads (one onto a new name, one
 * over an existing file). Nothing runs on the way down, so what is on disk is all there is: the final names
 * hold nothing new and the old file its old content; after a restart on the same storage the upload
 * temporaries are invisible to clients (not listed, refused by name).
 */
class ServerKilledMidUploadTest {

    private static final Pattern LISTENING = Pattern.compile("ftp door listening on /127\\.0\\.0\\.1:(\\d+)");

    @TempDir Path dir;

    @Test
    void aKilledServerLeavesNoHalfFileAndHidesItsTemporaries() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        byte[] old = StorageFaultTest.random(4096);
        Files.write(root.resolve("keep.bin"), old);
        Path conf = config(root);

        Process server = start(conf, dir.resolve("first.log"));
        try (RawFtp ftp = new RawFtp(port(server, dir.resolve("first.log")));
             RawFtp other = new RawFtp(ftp.socket().getPort())) {
            ftp.login();
            other.login();
            Socket fresh = startUpload(ftp, "new.bin");
            Socket over = startUpload(other, "keep.bin");
            awaitTemporaries(root, 2);
            server.destroyForcibly(); // SIGKILL
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
            fresh.close();
            over.close();
        } finally {
            server.destroyForcibly();
        }
        assertFalse(Files.exists(root.resolve("new.bin")), "a half upload under the final name");
        assertArrayEquals(old, Files.readAllBytes(root.resolve("keep.bin")), "the old file changed");

        Process restarted = start(conf, dir.resolve("second.log"));
        try (RawFtp ftp = new RawFtp(port(restarted, dir.resolve("second.log")))) {
            ftp.login();
            String temporary = temporaries(root)[0];
            try (Socket data = ftp.passive()) {
                expect(150, ftp.command("NLST -a"));
                String listing;
                try (InputStream in = data.getInputStream()) {
                    listing = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                expect(226, ftp.reply());
                assertFalse(listing.contains(HiddenNames.UPLOAD_PREFIX), "a temporary is listed: " + listing);
                assertTrue(listing.contains("keep.bin"), listing);
            }
            expect(550, ftp.command("SIZE " + temporary));
            expect(550, ftp.command("MLST " + temporary));
            expect(550, ftp.command("DELE " + temporary));
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path config(Path root) throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, FtpTestServer.USER + ":" + PasswordHash.sha512Crypt(FtpTestServer.PASSWORD)
                + ":1000:1000:Alice:" + root + ":/bin/false\n");
        Files.setPosixFilePermissions(passwd, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        int first = 30000 + ThreadLocalRandom.current().nextInt(150) * 200;
        return Files.writeString(dir.resolve("server.conf"), String.join("\n", "control.interface = 127.0.0.1",
                "ftp.port = 0", "admin.port = 0", "auth.password-file = " + passwd,
                "data.port-range = " + first + "-" + (first + 199), ""));
    }

    private static Process start(Path conf, Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.wharf.server.Main",
                "-c", conf.toString(), "-l", log.toString(), "-log-level", "info")
                .redirectErrorStream(true).redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile()).start();
    }

    private static int port(Process server, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertTrue(server.isAlive(), "the server exited: " + Files.readString(log.resolveSibling(log.getFileName() + ".out")));
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start within 60 s");
    }

    /** STOR with the first MiB sent; the data connection stays open. */
    private static Socket startUpload(RawFtp ftp, String name) throws Exception {
        expect(200, ftp.command("TYPE I"));
        Socket data = ftp.passive();
        expect(150, ftp.command("STOR " + name));
        OutputStream out = data.getOutputStream();
        out.write(StorageFaultTest.random(1024 * 1024));
        out.flush();
        return data;
    }

    private static void awaitTemporaries(Path root, int count) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (temporaries(root).length >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the uploads did not start");
    }

    private static String[] temporaries(Path root) {
        String[] names = root.toFile().list((d, n) -> n.startsWith(HiddenNames.UPLOAD_PREFIX));
        return names == null ? new String[0] : names;
    }
}
