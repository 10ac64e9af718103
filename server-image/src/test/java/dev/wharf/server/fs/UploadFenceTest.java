package dev.wharf.server.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.metrics.ServerMetrics;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFenceTest {

    @TempDir Path root;

    Storage storage() throws Exception {
        return new GuardedStorage(new Jail(root), AccessPolicy.ALLOW_ALL,
                new SessionStorage.Login("gridftp", Identity.passwordUser("bob", Set.of()), false, true), ServerMetrics.NONE, null);
    }

    static Upload write(Storage s, String path) throws Exception {
        Upload u = s.openUpload(path, UploadMode.REPLACE, 0);
        u.channel().write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        return u;
    }

    @Test
    void aFencedNameRefusesTheCommitOfAnUploadOpenedBeforeAndLeavesNoTemporary() throws Exception {
        Files.createDirectory(root.resolve("d"));
        try (Storage s = storage()) {
            Upload fenced = write(s, "/d/f");
            Upload sibling = write(s, "/d/g");
            UploadFence.fence(UploadFence.realTarget(root, "/d/f"), Duration.ofMinutes(1));
            assertEquals(StorageException.Reason.DENIED, assertThrows(StorageException.class, () -> fenced.commit(3)).reason());
            sibling.commit(3);
            try (var names = Files.list(root.resolve("d"))) {
                assertEquals(List.of("g"), names.map(p -> p.getFileName().toString()).toList());
            }
            UploadFence.lift(UploadFence.realTarget(root, "/d/f"));
            write(s, "/d/f").commit(3);
            assertTrue(Files.exists(root.resolve("d/f")));
        }
    }

    @Test
    void aFenceEndsByItself() throws Exception {
        try (Storage s = storage()) {
            UploadFence.fence(UploadFence.realTarget(root, "/f"), Duration.ZERO);
            write(s, "/f").commit(3);
            assertTrue(Files.exists(root.resolve("f")));
        }
    }

    @Test
    void theKeyIsTheRealFileWhateverLinkNamesIt() throws Exception {
        Files.createDirectory(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("real"));
        assertEquals(UploadFence.realTarget(root, "/real/f"), UploadFence.realTarget(root, "/link/f"));
    }
}
