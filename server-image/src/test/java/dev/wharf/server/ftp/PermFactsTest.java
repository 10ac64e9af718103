package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.fs.UploadMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLST/MLSD {@code Perm} tells the truth: with transfer.overwrite = false an existing file takes no STOR or APPE. */
class PermFactsTest {

    private static final Pattern PERM = Pattern.compile("Perm=([a-z]*);");

    @TempDir
    Path root;
    ServerContext context;

    @BeforeEach
    void setUp() throws Exception {
        context = TestContexts.create();
        Files.writeString(root.resolve("f"), "data");
    }

    @AfterEach
    void close() {
        TestContexts.close(context);
    }

    private FtpSession session(boolean overwrite) throws Exception {
        FtpSettings settings = FtpSettings.plain(ConfigFile.of(Map.of("transfer.overwrite", String.valueOf(overwrite))));
        return CommandSessions.loggedIn(context, settings, FtpCommands.standard(), root, AccessPolicy.ALLOW_ALL);
    }

    private static String perm(FtpSession s, String line) throws FtpException {
        Matcher m = PERM.matcher(CommandSessions.run(s, line));
        assertTrue(m.find(), line);
        return m.group(1);
    }

    @Test
    void withOverwriteOffAnExistingFileIsNotWritableNorAppendable() throws Exception {
        FtpSession s = session(false);
        assertEquals("dfr", perm(s, "MLST /f"), "DELE and RNFR still work; STOR and APPE get 553");
        assertEquals(dev.wharf.server.fs.StorageException.Reason.EXISTS, assertThrows(
                dev.wharf.server.fs.StorageException.class, () -> s.storage().openUpload("/f", UploadMode.REPLACE, 0)).reason());
        assertEquals(dev.wharf.server.fs.StorageException.Reason.EXISTS, assertThrows(
                dev.wharf.server.fs.StorageException.class, () -> s.storage().openUpload("/f", UploadMode.APPEND, 0)).reason());
        assertEquals("cdeflmp", perm(s, "MLST /"), "new names can still be created in the directory");
    }

    @Test
    void withOverwriteOnAnExistingFileIsWritable() throws Exception {
        assertEquals("adfrw", perm(session(true), "MLST /f"));
    }
}
