package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AccessDecision;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a command-table test sets up, as a JUnit extension ({@code @RegisterExtension}): before each test a server
 * context, a fresh root and a session of {@code jane} logged in there with one door's settings and table
 * ({@link CommandSessions}); lines run straight through the table. Afterwards the context is closed and the root
 * removed.
 */
public final class CommandFixture implements BeforeEachCallback, AfterEachCallback {

    /** Everything but reading file contents: listing still works, so a refusal names the read level. */
    public static final AccessPolicy NO_READ = (who, op, path) -> op == Operation.READ_FILE
            ? AccessDecision.deny(AccessLevel.LIST, "test") : AccessDecision.allow(AccessLevel.ADMIN, "test");

    private final FtpSettings settings;
    private final CommandTable table;
    private ServerContext context;
    private Path root;
    private FtpSession session;

    public CommandFixture(FtpSettings settings, CommandTable table) {
        this.settings = settings;
        this.table = table;
    }

    @Override
    public void beforeEach(ExtensionContext extension) throws Exception {
        context = TestContexts.create();
        root = Files.createTempDirectory("commands");
        session = session(AccessPolicy.ALLOW_ALL);
    }

    @Override
    public void afterEach(ExtensionContext extension) throws IOException {
        TestContexts.close(context);
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public ServerContext context() {
        return context;
    }

    /** The jail root of every session of the test. */
    public Path root() {
        return root;
    }

    /** The session everything may be done in. */
    public FtpSession session() {
        return session;
    }

    /** Another session of the same user, under {@code policy}. */
    public FtpSession session(AccessPolicy policy) throws Exception {
        return CommandSessions.loggedIn(context, settings, table, root, policy);
    }

    /** {@code line} in {@link #session()}: see {@link CommandLines#run}. */
    public String run(String line) throws FtpException {
        return CommandLines.run(session, line);
    }

    /** The code of the refusal of {@code line} in {@code s}; fails when it is not refused. */
    public static int refusal(FtpSession s, String line) {
        return assertThrows(FtpException.class, () -> CommandLines.run(s, line), line).code();
    }

    public int refusal(String line) {
        return refusal(session, line);
    }
}
