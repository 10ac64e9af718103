package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.SlashGridAccessPolicy;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.config.PortRange;
import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.metrics.ServerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libdcap calls dccp never makes — {@code dc_opendir}/{@code dc_readdir}, {@code dc_open} with
 * O_RDWR, {@code dc_chown} — through Debian's libdcap1 itself, driven from Python's ctypes
 * ({@code dcap/libdcap_client.py}; no compiler or headers needed). Plain dCap, anonymous.
 */
@Tag("interop")
class LibdcapInteropTest {

    @TempDir
    static Path tmp;
    static ServerContext context;
    static DcapDoor door;
    static Path root;
    static Path script;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        script = DcapTestDoors.libdcapClient(tmp);
        context = TestContexts.builder().access(SlashGridAccessPolicy.fromConfig(ConfigFile.empty(), ServerMetrics.NONE)).build();
        PortRange range = DcapTestDoors.dataPorts(23000);
        DcapSettings settings = DcapSettings.from(ConfigFile.empty()).withPort(ShortPorts.free()).withRoot(root).withPortRange(range);
        door = new DcapDoor(context, settings, new PortAllocator(range));
        door.start();
    }

    @AfterAll
    static void stop() {
        DcapTestDoors.stop(door, context);
    }

    /** Runs the client; DCACHE_REPLY keeps libdcap's callback host on loopback. */
    static ExternalProgram libdcap(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "python3";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        return ExternalProgram.run(Map.of("DCACHE_REPLY", "127.0.0.1", "HOME", tmp.toString()), tmp,
                Duration.ofSeconds(60), command);
    }

    static String url(String path) {
        return "dcap://127.0.0.1:" + door.localAddress().getPort() + path;
    }

    @Test
    void readdirListsFilesAndDirectories() throws Exception {
        Path dir = Files.createDirectories(root.resolve("listed/inner"));
        Files.setPosixFilePermissions(dir.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("listed/data file.txt"), "x");
        ExternalProgram run = libdcap("opendir", url("/listed")).requireSuccess("dc_opendir");
        assertEquals(List.of("d inner", "f data file.txt"), run.stdout().lines().sorted().toList(), run.stderr());
    }

    @Test
    void readdirOfADirectoryOtherMayNotListFails() throws Exception {
        Path closed = Files.createDirectories(root.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx--x--x"));
        ExternalProgram run = libdcap("opendir", url("/closed"));
        assertNotEquals(0, run.exitCode(), run.stdout());
        assertTrue(run.stderr().contains("EACCES"), run.stderr());
    }

    @Test
    void readWriteOpenReadsBackWhatItWrote() throws Exception {
        ExternalProgram run = libdcap("rw", url("/rw.txt"), "hello, ", "world").requireSuccess("O_RDWR open");
        assertEquals("hello, world", run.stdout().strip());
        assertEquals("hello, world", Files.readString(root.resolve("rw.txt")));
    }

    @Test
    void chownIsRefusedWithEacces() throws Exception {
        Files.writeString(root.resolve("owned.txt"), "x");
        ExternalProgram run = libdcap("chown", url("/owned.txt"), "0", "0").requireSuccess("the client");
        assertEquals("rc=-1 errno=EACCES", run.stdout().strip(), run.stderr());
    }
}
