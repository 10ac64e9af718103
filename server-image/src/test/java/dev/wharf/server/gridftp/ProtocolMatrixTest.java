package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.ftp.CommandSpec;
import dev.wharf.server.ftp.CommandTable;
import dev.wharf.server.ftp.CommandSessions;
import dev.wharf.server.ftp.FtpCommands;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.FtpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/protocol-matrix.md honest against the command tables of the ftp, ftps and gsiftp doors: a
 * verb named in a ✓ row is served by some door, a verb named in a — row by none, and every verb of every
 * table is on the page. Rows are table lines whose first cell names commands in backticks; a verb is the
 * first word of such a name when it is 3-4 capital letters.
 */
class ProtocolMatrixTest {

    private static final Path MATRIX = Path.of("..", "docs", "protocol-matrix.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern VERB = Pattern.compile("[A-Z]{3,4}");
    /** GSI's protected commands: the session handler unwraps them once ADAT completes, no table entry. */
    private static final Set<String> UNWRAPPED_BY_THE_SESSION = Set.of("ENC", "MIC", "CONF");

    record Row(String line, boolean supported, List<String> names) {}

    /** The ftp/ftps door's table, the ftp door's with MODE E, the gsiftp door's. */
    static List<CommandTable> tables() {
        return List.of(FtpCommands.standard(), GridFtpDoors.ftpCommands(ConfigFile.empty()), GridFtpCommands.table(null, null, false));
    }

    static Set<String> servedVerbs() {
        Set<String> verbs = new TreeSet<>(UNWRAPPED_BY_THE_SESSION);
        for (CommandTable table : tables()) {
            table.all().stream().map(CommandSpec::verb).forEach(verbs::add);
        }
        return verbs;
    }

    static List<Row> commandRows(String markdown) {
        List<Row> rows = new ArrayList<>();
        for (String line : markdown.lines().toList()) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| `") || cells.length < 3) {
                continue;
            }
            String wharf = cells[2].strip();
            List<String> names = new ArrayList<>();
            Matcher m = CODE.matcher(cells[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
            rows.add(new Row(line, wharf.startsWith("✓"), names));
        }
        return rows;
    }

    private static String verbOf(String name) {
        String first = name.split("[ /]")[0];
        return VERB.matcher(first).matches() ? first : null;
    }

    @Test
    void everyVerbOfASupportedRowIsServedAndNoVerbOfAnUnsupportedRowIs() throws Exception {
        Set<String> served = servedVerbs();
        List<Row> rows = commandRows(Files.readString(MATRIX));
        assertTrue(rows.size() > 40, "the matrix was not found or not parsed: " + rows.size() + " rows");
        for (Row row : rows) {
            for (String name : row.names()) {
                String verb = verbOf(name);
                if (verb == null) {
                    continue;
                }
                if (row.supported()) {
                    assertTrue(served.contains(verb), verb + " is marked supported but no door has it:\n" + row.line());
                } else if (!name.contains(" ")) {
                    // "SITE UTIME", "PASV AllowDelayed": sub-commands of a served verb; only bare verbs are checked
                    assertFalse(served.contains(verb), verb + " is marked unsupported but a door serves it:\n" + row.line());
                }
            }
        }
    }

    /**
     * "SITE X" rows: a supported one must be served by some door (its SITE answers anything but "504 ...
     * not implemented"), an unsupported one by none. SITE CLIENTINFO was answered but listed as unsupported.
     */
    @Test
    void siteSubCommandsMatchTheirRows(@TempDir Path root) throws Exception {
        ServerContext context = TestContexts.create();
        try {
            List<FtpSession> sessions = new ArrayList<>();
            for (CommandTable table : tables()) {
                sessions.add(CommandSessions.loggedIn(context, FtpSettings.gridftp(ConfigFile.empty()), table, root,
                        AccessPolicy.ALLOW_ALL));
            }
            int checked = 0;
            for (Row row : commandRows(Files.readString(MATRIX))) {
                for (String name : row.names()) {
                    if (!name.startsWith("SITE ") || name.contains("…")) {
                        continue;
                    }
                    for (String sub : name.substring(5).split("/")) {
                        boolean served = false;
                        for (FtpSession s : sessions) {
                            served |= servesSite(s, sub.strip().split(" ")[0]);
                        }
                        assertEquals(row.supported(), served, "SITE " + sub + ":\n" + row.line());
                        checked++;
                    }
                }
            }
            assertTrue(checked >= 6, "SITE rows found: " + checked);
        } finally {
            TestContexts.close(context);
        }
    }

    private static boolean servesSite(FtpSession session, String sub) {
        try {
            CommandSessions.run(session, "SITE " + sub);
            return true;
        } catch (FtpException e) {
            return !(e.code() == 504 && e.getMessage().contains("not implemented"));
        } catch (RuntimeException e) {
            return true; // it got past the sub-command switch: the door has it (arguments were missing)
        }
    }

    @Test
    void everyVerbOfEveryDoorIsOnThePage() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Row row : commandRows(Files.readString(MATRIX))) {
            row.names().stream().map(ProtocolMatrixTest::verbOf).filter(v -> v != null).forEach(named::add);
        }
        Set<String> missing = new TreeSet<>(servedVerbs());
        missing.removeAll(named);
        assertEquals(Set.of(), missing, "verbs served by a door but absent from docs/protocol-matrix.md");
    }
}
