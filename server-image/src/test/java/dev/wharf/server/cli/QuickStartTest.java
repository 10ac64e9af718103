package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.auth.PasswordFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the no-argument quick start in-process, as bin/wharf-demo does, and checks that it serves. */
class QuickStartTest {

    @TempDir
    Path dir;

    @Test
    void theDemoConfigurationServesAndPrintsHowToConnect() throws Exception {
        DemoRun demo = DemoRun.start(dir);
        try {
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(demo.adminUrl() + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode());

            String password = demo.password();
            assertTrue(PasswordFile.load(demo.demoDir().resolve("passwd")).find("demo").orElseThrow().hash().verify(password));
            assertTrue(Files.isRegularFile(demo.demoDir().resolve("data/hello.txt")));
            assertTrue(Files.isDirectory(demo.demoDir().resolve("pub")));
            assertTrue(demo.banner().contains("password " + password), demo.banner());
            assertTrue(demo.banner().contains(demo.adminUrl() + "/status"), demo.banner());
            int port = demo.ftp().localAddress().getPort();
            assertTrue(demo.banner().contains("curl -u demo:" + password + " ftp://127.0.0.1:" + port), demo.banner());

            FTPClient client = new FTPClient();
            client.connect("127.0.0.1", port);
            try {
                assertTrue(client.login("demo", password), client.getReplyString());
                client.enterLocalPassiveMode();
                assertTrue(List.of(client.listNames()).contains("hello.txt"), client.getReplyString());
                ByteArrayOutputStream hello = new ByteArrayOutputStream();
                assertTrue(client.retrieveFile("hello.txt", hello), client.getReplyString());
                assertTrue(hello.toString(StandardCharsets.UTF_8).startsWith("Hello from Wharf!"));
                client.logout();
            } finally {
                client.disconnect();
            }
            FTPClient guest = new FTPClient();
            guest.connect("127.0.0.1", port);
            try {
                assertTrue(guest.login("anonymous", "guest@example.org"), guest.getReplyString());
                guest.enterLocalPassiveMode();
                assertTrue(List.of(guest.listNames()).contains("README.txt"), guest.getReplyString());
                assertFalse(guest.storeFile("upload.txt", new ByteArrayInputStream(new byte[] {1})), "anonymous is read-only");
            } finally {
                guest.disconnect();
            }
        } finally {
            assertEquals(0, demo.stop());
        }
    }

    @Test
    void aSecondRunReusesThePasswordAndKeepsEditedFiles() throws Exception {
        Path demo = dir.resolve(".wharf-demo");
        DemoSetup.Demo first = DemoSetup.prepare(demo);
        Files.writeString(first.config(), Files.readString(first.config()) + "# edited\n");
        DemoSetup.Demo second = DemoSetup.prepare(demo);
        assertEquals(first.password(), second.password());
        assertTrue(Files.readString(second.config()).endsWith("# edited\n"));
        assertEquals(16, first.password().length());
    }
}
