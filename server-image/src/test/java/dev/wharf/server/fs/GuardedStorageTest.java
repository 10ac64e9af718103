package dev.wharf.server.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wharf.server.acl.AccessDecision;
import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.Operation;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.metrics.Direction;
import dev.wharf.server.metrics.ServerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardedStorageTest {

    @TempDir Path root;

    final List<String> denied = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    final ServerMetrics metrics = new ServerMetrics() {
        @Override public void sessionOpened(String door) {}
        @Override public void sessionClosed(String door) {}
        @Override public void login(String door, String result) {}
        @Override public void bytes(String door, Direction direction, long count) {}
        @Override public void transfer(String door, Direction direction, String outcome) {}
        @Override public void accessDenied(String door, String operation) { denied.add(door + ":" + operation); }
    };

    @Test
    void asksThePolicyBeforeEveryOperationAndCountsDenials() throws Exception {
        Files.writeString(root.resolve("f"), "x");
        AccessPolicy onlyReads = (who, op, path) -> {
            asked.add(op + " " + path);
            return op.required().includes(AccessLevel.WRITE)
                    ? AccessDecision.deny(AccessLevel.READ, "test") : AccessDecision.allow(AccessLevel.READ, "test");
        };
        GuardedStorage s = new GuardedStorage(new Jail(root), onlyReads,
                new SessionStorage.Login("ftp", Identity.passwordUser("bob", Set.of()), false, true), metrics, null);
        s.stat("/f");
        s.openRead("/f").close();
        s.list("/");
        assertEquals(StorageException.Reason.DENIED, assertThrows(StorageException.class, () -> s.delete("/f")).reason());
        assertEquals(StorageException.Reason.DENIED, assertThrows(StorageException.class,
                () -> s.openUpload("/f", UploadMode.REPLACE, 0)).reason());
        assertEquals(List.of("STAT /f", "READ_FILE /f", "LIST_DIRECTORY /", "DELETE_FILE /f", "OVERWRITE_FILE /f"), asked);
        assertEquals(List.of("ftp:DELETE_FILE", "ftp:OVERWRITE_FILE"), denied);
        assertEquals("x", Files.readString(root.resolve("f")));
    }

    @Test
    void readOnlySessionsCannotWrite() throws Exception {
        GuardedStorage s = new GuardedStorage(new Jail(root), AccessPolicy.ALLOW_ALL,
                new SessionStorage.Login("ftp", Identity.anonymous(), true, true), metrics, null);
        assertEquals(StorageException.Reason.READ_ONLY, assertThrows(StorageException.class,
                () -> s.makeDirectory("/d")).reason());
        assertEquals(StorageException.Reason.READ_ONLY, assertThrows(StorageException.class,
                () -> s.openUpload("/new", UploadMode.REPLACE, 0)).reason());
        assertEquals(List.of("ftp:MAKE_DIRECTORY", "ftp:CREATE_FILE"), denied);
    }

    @Test
    void recordsWhoCreatedWhat() throws Exception {
        dev.wharf.server.acl.owner.OwnerStore owners =
                new dev.wharf.server.acl.owner.OwnerStore(dev.wharf.server.acl.owner.OwnerStore.Mode.SIDECAR);
        GuardedStorage s = new GuardedStorage(new Jail(root), AccessPolicy.ALLOW_ALL,
                new SessionStorage.Login("ftp", Identity.passwordUser("bob", Set.of()), false, true), metrics, owners);
        Upload u = s.openUpload("/new", UploadMode.REPLACE, 0);
        u.commit(0);
        s.makeDirectory("/d");
        assertEquals("bob", s.stat("/new").owner());
        assertEquals(List.of("bob", "bob"), s.list("/").stream().map(FileEntry::owner).toList());
        s.rename("/new", "/d/moved");
        assertEquals("bob", s.stat("/d/moved").owner());
        s.delete("/d/moved");
        assertEquals(List.of("d"), s.list("/").stream().map(FileEntry::name).toList(), "the sidecar stays hidden");
    }
}
