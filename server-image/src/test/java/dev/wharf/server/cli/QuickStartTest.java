package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.Door;
import dev.wharf.server.WharfServer;
import dev.wharf.server.admin.AdminEndpoint;
import dev.wharf.server.auth.PasswordFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the no-argument quick start in-process, as bin/wharf-demo does, and checks that it serves. */
class QuickStartTest {

    @TempDir
    Path dir;

    @Test
    void theDemoConfigurationServesAndPrintsHowToConnect() throws Exception {
        WharfCommand command = new WharfCommand();
        command.noArguments = true;
        command.demoDir = dir.resolve(".wharf-demo");
        command.extraOverrides = Map.of("admin.port", "0", "ftp.port", "0");
        CompletableFuture<WharfServer> started = new CompletableFuture<>();
        command.onStarted = started::complete;
        StringWriter out = new StringWriter();
        CommandLine line = WharfCommand.commandLine(command);
        line.setOut(new PrintWriter(out));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(line::execute);

        WharfServer server = started.get(60, TimeUnit.SECONDS);
        try {
            String admin = "http://" + AdminEndpoint.hostPort(server.admin().localAddress());
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(admin + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode());

            Path demo = dir.resolve(".wharf-demo");
            String password = Files.readString(demo.resolve("demo-password")).strip();
            assertTrue(PasswordFile.load(demo.resolve("passwd")).find("demo").orElseThrow().hash().verify(password));
            assertTrue(Files.isRegularFile(demo.resolve("data/hello.txt")));
            assertTrue(Files.isDirectory(demo.resolve("pub")));
            assertTrue(out.toString().contains("password " + password), out.toString());
            assertTrue(out.toString().contains(admin + "/status"), out.toString());
            Door ftp = server.doors().stream().filter(d -> d.name().equals("ftp")).findFirst().orElseThrow();
            assertTrue(out.toString().contains("curl -u demo:" + password + " ftp://" + AdminEndpoint.hostPort(ftp.localAddress())),
                    out.toString());

            FTPClient client = new FTPClient();
            client.connect("127.0.0.1", ftp.localAddress().getPort());
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
            guest.connect("127.0.0.1", ftp.localAddress().getPort());
            try {
                assertTrue(guest.login("anonymous", "guest@example.org"), guest.getReplyString());
                guest.enterLocalPassiveMode();
                assertTrue(List.of(guest.listNames()).contains("README.txt"), guest.getReplyString());
                assertFalse(guest.storeFile("upload.txt", new ByteArrayInputStream(new byte[] {1})), "anonymous is read-only");
            } finally {
                guest.disconnect();
            }
        } finally {
            server.close();
        }
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
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
