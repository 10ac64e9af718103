package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.ftp.TestLogins;
import dev.wharf.server.gsi.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real globus-url-copy in MODE E against the gsiftp door (-nodcau): -p 1 and -p 4 downloads
 * (the server opens the streams to the client's PORT) and uploads (the client opens them to the PASV
 * port), a few MiB and an empty file, and a pipelined recursive copy of many small files over cached
 * data connections, every file byte-identical; the same over ftp:// to the FTP door (user/password).
 */
@Tag("interop")
class GlobusUrlCopyModeEInteropTest {

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final GsiftpDoorWithUserProxy gsiftp = new GsiftpDoorWithUserProxy(() -> tmp);
    static ServerContext ftpContext;
    static FtpDoor ftpDoor;
    static Path ftpRoot;

    @BeforeAll
    static void start() throws Exception {
        // the plain FTP door with MODE E, a password user
        ftpRoot = Files.createDirectories(tmp.resolve("ftp-root"));
        int first = 47000 + ThreadLocalRandom.current().nextInt(50) * 40;
        ConfigFile config = ConfigFile.of(Map.of("data.port-range", first + "-" + (first + 39)));
        FtpSettings settings = FtpSettings.plain(config).withPort(0);
        ftpContext = TestContexts.builder().config(config)
                .logins(new TestLogins(Files.createDirectories(tmp.resolve("anon"))).add("alice", "secret", ftpRoot, "/"))
                .build();
        ftpDoor = GridFtpDoors.ftpWithModeE(ftpContext, settings, new PortAllocator(settings.portRange()));
        ftpDoor.start();
    }

    @AfterAll
    static void stop() {
        if (ftpDoor != null) {
            ftpDoor.close();
            TestContexts.close(ftpContext);
        }
    }

    static ExternalProgram copy(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("-nodcau", "-vb"));
        command.addAll(List.of(arguments));
        return gsiftp.globusUrlCopy(command);
    }

    static byte[] random(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void parallelDownloadAndUploadAreByteIdentical(int streams) throws Exception {
        byte[] content = random(5 * 1024 * 1024 + 4321, streams);
        Files.write(gsiftp.root().resolve("p" + streams + ".bin"), content);

        Path local = tmp.resolve("down-p" + streams + ".bin");
        ExternalProgram down = copy("-p", String.valueOf(streams), gsiftp.url("p" + streams + ".bin"), "file://" + local)
                .requireSuccess("globus-url-copy -p " + streams + " download");
        assertTrue(down.stderr().contains("MODE E"), "the client did not use MODE E:\n" + down.stderr());
        assertTrue(down.stderr().contains("OPTS RETR Parallelism=" + streams), down.stderr());
        assertArrayEquals(content, Files.readAllBytes(local));

        ExternalProgram up = copy("-p", String.valueOf(streams), "file://" + local, gsiftp.url("up-p" + streams + ".bin"))
                .requireSuccess("globus-url-copy -p " + streams + " upload");
        assertTrue(up.stderr().contains("MODE E"), up.stderr());
        assertArrayEquals(content, Files.readAllBytes(gsiftp.root().resolve("up-p" + streams + ".bin")));
    }

    @Test
    void aLargeFileGoesOutInLargerBlocksByteIdentical() throws Exception {
        // 70 MiB over 4 streams: blocks of about 4.4 MiB (BlockSender.blockSize), not a multiple of anything
        Path source = gsiftp.root().resolve("large.bin");
        try (var out = Files.newOutputStream(source)) {
            Random random = new Random(70);
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 70; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
            out.write(chunk, 0, 12_345);
        }
        Path local = tmp.resolve("large-down.bin");
        copy("-p", "4", gsiftp.url("large.bin"), "file://" + local).requireSuccess("globus-url-copy -p 4 download of 70 MiB");
        assertEquals(-1, Files.mismatch(source, local), "the download differs from the source");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void ftpUrlsToTheFtpDoorUseModeEToo(int streams) throws Exception {
        byte[] content = random(4 * 1024 * 1024 + 5, 100 + streams);
        Files.write(ftpRoot.resolve("f" + streams + ".bin"), content);
        String base = "ftp://alice:secret@127.0.0.1:" + ftpDoor.localAddress().getPort() + "/";
        Path local = tmp.resolve("ftp-down-p" + streams + ".bin");
        ExternalProgram down = copy("-p", String.valueOf(streams), base + "f" + streams + ".bin", "file://" + local)
                .requireSuccess("ftp:// -p " + streams + " download");
        assertTrue(down.stderr().contains("MODE E"), down.stderr());
        assertArrayEquals(content, Files.readAllBytes(local));
        copy("-p", String.valueOf(streams), "file://" + local, base + "up" + streams + ".bin")
                .requireSuccess("ftp:// -p " + streams + " upload");
        assertArrayEquals(content, Files.readAllBytes(ftpRoot.resolve("up" + streams + ".bin")));
    }

    @Test
    void fastRecursiveCopiesListInModeE() throws Exception {
        Path source = Files.createDirectories(gsiftp.root().resolve("fast/sub"));
        for (int i = 0; i < 20; i++) {
            Files.write(source.resolve("g" + i), random(1000 + i, 300 + i));
        }
        Path back = tmp.resolve("fast-back");
        ExternalProgram fast = copy("-fast", "-r", "-cd", gsiftp.url("fast/"), "file://" + back + "/").requireSuccess("-fast -r");
        assertTrue(fast.stderr().contains("MLSD"), fast.stderr());
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(Files.readAllBytes(source.resolve("g" + i)), Files.readAllBytes(back.resolve("sub/g" + i)));
        }
    }

    @Test
    void offAndLenBecomeEretInModeE() throws Exception {
        byte[] content = random(100_000, 5);
        Files.write(gsiftp.root().resolve("part.bin"), content);
        Path local = tmp.resolve("part-local.bin");
        ExternalProgram partial = copy("-p", "2", "-off", "1000", "-len", "5000", gsiftp.url("part.bin"), "file://" + local)
                .requireSuccess("-off/-len");
        assertTrue(partial.stderr().contains("ERET P 1000 5000 /part.bin"), partial.stderr());
        byte[] got = Files.readAllBytes(local);
        assertArrayEquals(java.util.Arrays.copyOfRange(content, 1000, 6000), java.util.Arrays.copyOfRange(got, 1000, 6000));
    }

    @Test
    void anEmptyFileGoesBothWays() throws Exception {
        Files.write(gsiftp.root().resolve("empty.bin"), new byte[0]);
        Path local = tmp.resolve("empty-down.bin");
        copy("-p", "4", gsiftp.url("empty.bin"), "file://" + local).requireSuccess("empty download");
        assertArrayEquals(new byte[0], Files.readAllBytes(local));
        copy("-p", "4", "file://" + local, gsiftp.url("empty-up.bin")).requireSuccess("empty upload");
        assertArrayEquals(new byte[0], Files.readAllBytes(gsiftp.root().resolve("empty-up.bin")));
    }

    @Test
    void pipelinedRecursiveCopiesOfManySmallFiles() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 1000; i++) {
            Files.write(source.resolve("f" + i), random(4096 + i, i));
        }
        ExternalProgram up = copy("-r", "-cd", "-pp", "-cc", "4", "file://" + source + "/", gsiftp.url("many/"))
                .requireSuccess("pipelined upload");
        assertTrue(up.stderr().contains("\n125 "), "cached data connections were not reused:\n" + up.stderr());
        Path back = tmp.resolve("many-back");
        copy("-r", "-cd", "-pp", "-cc", "4", gsiftp.url("many/"), "file://" + back + "/").requireSuccess("pipelined download");
        for (int i = 0; i < 1000; i++) {
            byte[] expected = Files.readAllBytes(source.resolve("f" + i));
            assertArrayEquals(expected, Files.readAllBytes(gsiftp.root().resolve("many/f" + i)), "uploaded f" + i);
            assertArrayEquals(expected, Files.readAllBytes(back.resolve("f" + i)), "downloaded f" + i);
        }
    }
}
