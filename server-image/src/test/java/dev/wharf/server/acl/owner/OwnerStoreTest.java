package dev.wharf.server.acl.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.AclFiles;
import dev.wharf.server.acl.AclSettings;
import dev.wharf.server.acl.SlashGridAccessPolicy;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerStoreTest {

    @TempDir Path dir;
    static final Identity JANE = new Identity("/O=Grid/CN=Jane Doe", Identity.Method.X509, Set.of(), null);
    static final Identity ALICE = Identity.passwordUser("alice", Set.of());

    @Test
    void xattrPathStoresUserWharfOwnerAndNoSidecar() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "x");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        OwnerStore store = new OwnerStore(OwnerStore.Mode.AUTO);
        store.recordCreated(file, JANE);
        store.recordCreated(sub, ALICE);
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        assertTrue(view.list().contains("wharf.owner"), "the test file system must take user xattrs (ext4, xfs, tmpfs >= 6.6)");
        assertEquals(Optional.of("/O=Grid/CN=Jane Doe"), store.owner(file));
        assertEquals(Optional.of("alice"), store.owner(sub));
        assertFalse(Files.exists(dir.resolve(AclFiles.OWNER_SIDECAR)));
        // the owner moves with the file
        Path renamed = dir.resolve("sub/moved");
        Files.move(file, renamed);
        store.moved(file, renamed);
        assertEquals(Optional.of("/O=Grid/CN=Jane Doe"), store.owner(renamed));
        assertEquals(Optional.empty(), store.owner(Files.writeString(dir.resolve("unowned"), "")));
    }

    @Test
    void sidecarPathRecordsMovesAndForgets() throws Exception {
        Path file = Files.writeString(dir.resolve("odd\tname\nwith\\escapes"), "x");
        Path other = Files.writeString(dir.resolve("other"), "x");
        Files.createDirectory(dir.resolve("to"));
        OwnerStore store = new OwnerStore(OwnerStore.Mode.SIDECAR);
        store.recordCreated(file, JANE);
        store.recordCreated(other, ALICE);
        Path sidecar = dir.resolve(AclFiles.OWNER_SIDECAR);
        assertTrue(Files.isRegularFile(sidecar));
        assertTrue(AclFiles.isProtected(sidecar.getFileName().toString()));
        assertEquals(Optional.of("/O=Grid/CN=Jane Doe"), store.owner(file));
        OwnerStore.Listing listing = store.forListing(dir);
        assertEquals(Optional.of("alice"), listing.owner("other"));
        assertEquals(Optional.of("/O=Grid/CN=Jane Doe"), listing.owner(file.getFileName().toString()));

        Path moved = dir.resolve("to/renamed");
        Files.move(other, moved);
        store.moved(other, moved);
        assertEquals(Optional.of("alice"), store.owner(moved));
        assertEquals(Optional.empty(), store.owner(other));
        store.removed(file);
        assertFalse(Files.exists(sidecar), "an empty sidecar is deleted");
        try (var names = Files.list(dir)) {
            assertEquals(0, names.filter(p -> p.getFileName().toString().contains(".tmp-")).count());
        }
    }

    @Test
    void symlinksCannotCarryUserXattrsSoTheyFallBackToTheSidecar() throws Exception {
        Path target = Files.writeString(dir.resolve("target"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        OwnerStore store = new OwnerStore(OwnerStore.Mode.AUTO);
        store.recordCreated(link, ALICE);
        assertEquals(Map.of("link", "alice"), OwnerSidecar.parse(Files.readString(dir.resolve(AclFiles.OWNER_SIDECAR))));
        assertEquals(Optional.of("alice"), store.owner(link));
        assertEquals(Optional.empty(), store.owner(target));
    }

    @Test
    void missingFilesAreAnErrorNotASilentSidecarLine() {
        OwnerStore store = new OwnerStore(OwnerStore.Mode.AUTO);
        assertThrows(NoSuchFileException.class, () -> store.recordCreated(dir.resolve("nope"), ALICE));
        assertFalse(Files.exists(dir.resolve(AclFiles.OWNER_SIDECAR)));
    }

    @Test
    void sidecarFormatRoundTripsAndSkipsGarbage() {
        Map<String, String> owners = Map.of("a\tb", "/CN=x\\y", "plain", "alice");
        assertEquals(owners, OwnerSidecar.parse(OwnerSidecar.render(owners)));
        assertEquals(Map.of("ok", "bob"), OwnerSidecar.parse("ok\tbob\nno-tab\nbad\\q\tz\n\tempty-name\n"));
    }

    @Test
    void configKeyChoosesTheServerPolicysStore() {
        assertThrows(ConfigException.class, () -> AclSettings.from(ConfigFile.of(Map.of("acl.owner-store", "db"))));
        SlashGridAccessPolicy policy = new SlashGridAccessPolicy(
                AclSettings.from(ConfigFile.of(Map.of("acl.owner-store", "sidecar"))), null);
        ServerContext context = TestContexts.builder().access(policy).build();
        try {
            assertSame(policy.owners(), context.owners(), "sessions take the store from the server context");
        } finally {
            TestContexts.close(context);
        }
        assertSame(OwnerStore.DEFAULT, AccessPolicy.ALLOW_ALL.owners());
    }
}
