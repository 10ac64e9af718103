package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * globus-url-copy's stream-mode upload with {@code -nodcau} (MODE S, DCAU N, PROT C) takes the splice path
 * when {@code transfer.splice-uploads} is on, and the file is byte-identical; with DCAU (the default) the
 * same upload keeps the ordinary path.
 */
@Tag("interop")
class GsiftpSpliceUploadInteropTest {

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final GsiftpDoorWithUserProxy gsiftp = new GsiftpDoorWithUserProxy(() -> tmp,
            Map.of("transfer.splice-uploads", "true"));

    @Test
    void aClearStreamUploadIsSplicedAndByteIdentical() throws Exception {
        byte[] content = upload("clear.bin", List.of("-nodcau"), 64 * 1024 * 1024 + 5);
        assertTrue(sawSplice, "the -nodcau upload did not run on the splice thread");
        assertArrayEquals(content, Files.readAllBytes(gsiftp.root().resolve("clear.bin")));
    }

    @Test
    void aDcauUploadKeepsTheOrdinaryPath() throws Exception {
        byte[] content = upload("dcau.bin", List.of(), 16 * 1024 * 1024);
        assertTrue(!sawSplice, "an upload with DCAU ran on the splice thread");
        assertArrayEquals(content, Files.readAllBytes(gsiftp.root().resolve("dcau.bin")));
    }

    private volatile boolean sawSplice;

    private byte[] upload(String name, List<String> options, int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path local = tmp.resolve("local-" + name);
        Files.write(local, content);
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                if (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("splice-upload"))) {
                    sawSplice = true;
                }
                Thread.onSpinWait();
            }
        });
        watcher.start();
        try {
            List<String> args = new java.util.ArrayList<>(options);
            args.addAll(List.of("-vb", "file://" + local, gsiftp.url(name)));
            gsiftp.globusUrlCopy(gsiftp.userEnv(), args).requireSuccess("globus-url-copy upload");
        } finally {
            done.set(true);
            watcher.join();
        }
        return content;
    }
}
