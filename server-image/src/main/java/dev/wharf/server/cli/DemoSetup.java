package dev.wharf.server.cli;

import dev.wharf.server.auth.PasswordFileEditor;
import dev.wharf.server.auth.PasswordHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

/**
 * The quick-start configuration served when {@code wharf-server} runs with no arguments: a demo
 * directory ({@code ./.wharf-demo/} by default) holding {@code data/} (the demo user's home, with a
 * sample file), {@code pub/} (the read-only anonymous area), {@code passwd} with user {@code demo}
 * and a generated password (kept in {@code demo-password}, mode 600, and reused on later runs), and
 * the {@code server.conf} the server then loads like any other. Existing files are never overwritten.
 */
public final class DemoSetup {

    public static final String USER = "demo";
    static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** What was prepared: paths the banner prints. */
    public record Demo(Path dir, Path config, Path data, Path pub, Path passwordFile, String password) {}

    private DemoSetup() {}

    public static Demo prepare(Path dir) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        Path data = Files.createDirectories(base.resolve("data"));
        Path pub = Files.createDirectories(base.resolve("pub"));
        writeIfMissing(data.resolve("hello.txt"), "Hello from Wharf! This file lives in " + data + "\n");
        writeIfMissing(pub.resolve("README.txt"), "This is Wharf's anonymous area: read-only, for everyone.\n");

        Path secret = base.resolve("demo-password");
        if (!Files.exists(secret)) {
            Files.writeString(Files.createFile(secret, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), generatePassword() + "\n");
        }
        String password = Files.readString(secret).strip();

        Path passwd = base.resolve("passwd");
        List<String> lines = Files.exists(passwd) ? Files.readAllLines(passwd) : List.of();
        boolean current = !lines.isEmpty() && dev.wharf.server.auth.PasswordFile.parse(lines, passwd.toString())
                .find(USER).map(e -> e.hash().verify(password) && e.home().equals(data.toString())).orElse(false);
        if (!current) {
            List<String> updated = PasswordFileEditor.upsert(lines, new PasswordFileEditor.Change(USER,
                    PasswordHash.sha512Crypt(password), null, null, "Wharf demo user", data.toString(), null),
                    passwd.toString()).lines();
            Files.write(passwd, updated, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
        }

        Path config = base.resolve("server.conf");
        writeIfMissing(config, String.join("\n",
                "# Wharf quick-start configuration, written by 'wharf-server' run without arguments.",
                "# Every key is documented in docs/configuration.md.",
                "control.interface = 127.0.0.1",
                "auth.password-file = " + passwd,
                "anonymous.enabled = true",
                "anonymous.root = " + pub,
                "ftp.port = 2121",
                "admin.port = 8080",
                ""));
        return new Demo(base, config, data, pub, passwd, password);
    }

    private static void writeIfMissing(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
