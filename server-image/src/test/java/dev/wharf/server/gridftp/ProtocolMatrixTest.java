package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.ftp.CommandSpec;
import dev.wharf.server.ftp.CommandTable;
import dev.wharf.server.ftp.FtpCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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

    static Set<String> servedVerbs() {
        Set<String> verbs = new TreeSet<>(UNWRAPPED_BY_THE_SESSION);
        for (CommandTable table : List.of(FtpCommands.standard(), GridFtpDoors.ftpCommands(ConfigFile.empty()),
                GridFtpCommands.table(null, null, false))) {
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
