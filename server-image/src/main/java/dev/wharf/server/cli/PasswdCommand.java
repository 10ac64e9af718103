package dev.wharf.server.cli;

import dev.wharf.server.auth.PasswordFileEditor;
import dev.wharf.server.auth.PasswordHash;
import dev.wharf.server.config.ConfigException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wharf-server passwd USER}: creates or updates USER's line in a Globus gridftp password file
 * with a SHA-512 crypt hash. The password comes from a no-echo prompt (asked twice) on a terminal, or
 * from the first line of stdin otherwise, so scripts can pipe it in. The file is replaced atomically;
 * a new file is created mode 600. A running server picks the change up at the next login.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Create or update a user in a Globus gridftp password file (SHA-512 crypt).")
public final class PasswdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-password-file", "--password-file", "-f"}, required = true, paramLabel = "FILE",
            description = "The password file to create or update.")
    Path file;

    @Parameters(index = "0", paramLabel = "USER", description = "The user name.")
    String user;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Home directory: the user's jail when server.conf sets no storage.root (required for a new user).")
    String home;

    @Option(names = "--uid", paramLabel = "N", description = "Numeric uid (kept for compatibility; default 0 or unchanged).")
    Long uid;

    @Option(names = "--gid", paramLabel = "N", description = "Numeric gid (default 0 or unchanged).")
    Long gid;

    @Option(names = "--gecos", paramLabel = "TEXT", description = "Comment field (default empty or unchanged).")
    String gecos;

    @Option(names = "--shell", paramLabel = "PATH", description = "Shell field (default /sbin/nologin or unchanged).")
    String shell;

    @Option(names = "--stdin", description = "Read the password from stdin even on a terminal.")
    boolean stdin;

    /** Where a non-terminal password comes from; tests replace it. */
    java.io.InputStream input = System.in;

    @Override
    public Integer call() throws IOException {
        if (home != null) {
            home = Path.of(home).toAbsolutePath().normalize().toString();
        }
        char[] password = readPassword();
        try {
            if (password.length == 0) {
                throw new ConfigException("empty password refused");
            }
            PasswordFileEditor.Result result = update(new String(password));
            PrintWriter out = spec.commandLine().getOut();
            out.println((result.created() ? "added " + user + " to " : "updated " + user + " in ") + file);
            out.flush();
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private PasswordFileEditor.Result update(String password) throws IOException {
        boolean exists = Files.exists(file);
        List<String> lines = exists ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        PasswordFileEditor.Result result = PasswordFileEditor.upsert(lines,
                new PasswordFileEditor.Change(user, PasswordHash.sha512Crypt(password), uid, gid, gecos, home, shell),
                file.toString());
        write(result.lines(), exists);
        return result;
    }

    private void write(List<String> lines, boolean exists) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Set<PosixFilePermission> mode = exists ? Files.getPosixFilePermissions(file) : PosixFilePermissions.fromString("rw-------");
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, mode);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null && !stdin) {
            char[] first = console.readPassword("Password for %s: ", user);
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new ConfigException("the two passwords differ");
            }
            Arrays.fill(second, '\0');
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
