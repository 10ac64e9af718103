package dev.wharf.server.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.fs.StorageException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every case with openat2; {@link JailWalkTest} runs them again with the fallback walk forced. */
class JailTest {

    JailResolver.Kind kind() {
        return JailResolver.Kind.OPENAT2;
    }

    @TempDir Path tmp;
    Path root;
    Path outside;
    Jail jail;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectory(tmp.resolve("root"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createDirectory(root.resolve("dir"));
        Files.writeString(root.resolve("dir/file"), "hello");
        jail = new Jail(root, kind().resolver(), FileChannelOpener.DEFAULT);
    }

    @Test
    void statsAndLists() throws Exception {
        assertTrue(jail.stat("/dir").isDirectory());
        assertEquals(5, jail.stat("/dir/file").size());
        assertEquals(List.of("file"), jail.list("/dir").stream().map(FileEntry::name).toList());
        assertEquals(Reason.NOT_FOUND, assertThrows(StorageException.class, () -> jail.stat("/nope")).reason());
        assertEquals(Reason.NOT_DIRECTORY, assertThrows(StorageException.class, () -> jail.list("/dir/file")).reason());
    }

    @Test
    void refusesSymlinksLeavingTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("secret"), outside.resolve("secret"));
        Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("new-file"));
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.stat("/escape/secret")).reason());
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.openRead("/secret")).reason());
        // a new file whose parent is a link out of the root
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class,
                () -> jail.openUpload("/escape/new", UploadMode.REPLACE, 0, true)).reason());
        // a new file through a dangling link pointing outside
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class,
                () -> jail.openUpload("/dangling", UploadMode.REPLACE, 0, true)).reason());
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.makeDirectory("/escape/d")).reason());
        assertFalse(Files.exists(outside.resolve("new-file")));
        assertFalse(Files.exists(outside.resolve("new")));
    }

    @Test
    void relativeSymlinksStayingBeneathTheRootWork() throws Exception {
        Files.createSymbolicLink(root.resolve("link"), Path.of("dir"));
        Files.createSymbolicLink(root.resolve("dir/up"), Path.of("../dir/file"));
        assertEquals(5, jail.stat("/link/file").size());
        assertEquals(5, jail.stat("/dir/up").size());
        assertEquals(List.of("file", "up"), jail.list("/link").stream().map(FileEntry::name).sorted().toList());
        Upload through = jail.openUpload("/dir/up", UploadMode.REPLACE, 0, true); // writes where the link leads
        through.channel().write(ByteBuffer.wrap("via link".getBytes(StandardCharsets.UTF_8)), 0);
        through.commit(8);
        assertEquals("via link", Files.readString(root.resolve("dir/file")));
        assertTrue(Files.isSymbolicLink(root.resolve("dir/up")));
        jail.delete("/link"); // removes the link, not the directory
        assertTrue(Files.isDirectory(root.resolve("dir")));
    }

    @Test
    void absoluteSymlinksAreNotFollowedEvenIntoTheRoot() throws Exception {
        // RESOLVE_BENEATH: an absolute target could name anything, so the kernel never follows one
        Files.createSymbolicLink(root.resolve("absolute"), root.resolve("dir"));
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.stat("/absolute/file")).reason());
        assertEquals(FileEntry.Type.SYMLINK, jail.lstat("/absolute").type());
    }

    @Test
    void dotDotThroughASymlinkNeverClimbsAboveTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("dir/out"), Path.of("../../outside/secret"));
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.openRead("/dir/out")).reason());
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class,
                () -> jail.openUpload("/dir/out", UploadMode.REPLACE, 0, true)).reason());
        assertEquals("secret", Files.readString(outside.resolve("secret")));
    }

    @Test
    void fifosAreNotOpened() throws Exception {
        new ProcessBuilder("mkfifo", root.resolve("dir/fifo").toString()).start().waitFor();
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.openRead("/dir/fifo")).reason());
    }

    @Test
    void refusesSymlinksLeadingToReservedNames() throws Exception {
        Files.writeString(root.resolve("dir/.grid-acl"), "admin /CN=someone");
        Files.createSymbolicLink(root.resolve("acl-link"), root.resolve("dir/.grid-acl"));
        Files.createSymbolicLink(root.resolve("dir/ACL"), Path.of(".grid-acl"));
        for (String p : List.of("/acl-link", "/dir/ACL")) {
            assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.openRead(p)).reason(), p);
            assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.stat(p)).reason(), p);
        }
        assertEquals("admin /CN=someone", Files.readString(root.resolve("dir/.grid-acl")));
    }

    @Test
    void hidesAndRefusesReservedNames() throws Exception {
        Files.writeString(root.resolve("dir/.grid-acl"), "acl");
        Files.writeString(root.resolve("dir/.wharf-upload-1234"), "tmp");
        assertEquals(List.of("file"), jail.list("/dir").stream().map(FileEntry::name).toList());
        for (String p : List.of("/dir/.grid-acl", "/dir/.GRID-ACL", "/dir/.wharf-upload-1234")) {
            assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.openRead(p)).reason());
            assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.delete(p)).reason());
            assertEquals(Reason.REFUSED, assertThrows(StorageException.class,
                    () -> jail.openUpload(p, UploadMode.REPLACE, 0, true)).reason());
        }
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class,
                () -> jail.rename("/dir/file", "/dir/.grid-acl")).reason());
    }

    @Test
    void replaceIsAtomic() throws Exception {
        Upload upload = jail.openUpload("/dir/file", UploadMode.REPLACE, 0, true);
        upload.channel().write(ByteBuffer.wrap("new content".getBytes(StandardCharsets.UTF_8)), 0);
        assertEquals("hello", Files.readString(root.resolve("dir/file")), "old content until commit");
        upload.commit(11);
        assertEquals("new content", Files.readString(root.resolve("dir/file")));
        assertEquals(List.of("file"), onDisk("dir"));
    }

    @Test
    void abortedReplaceLeavesOldFileAndNoTemporary() throws Exception {
        Upload upload = jail.openUpload("/dir/file", UploadMode.REPLACE, 0, true);
        upload.channel().write(ByteBuffer.wrap("partial".getBytes(StandardCharsets.UTF_8)), 0);
        upload.abort();
        assertEquals("hello", Files.readString(root.resolve("dir/file")));
        assertEquals(List.of("file"), onDisk("dir"));
        Upload fresh = jail.openUpload("/dir/new", UploadMode.REPLACE, 0, true);
        fresh.close();
        assertFalse(Files.exists(root.resolve("dir/new")));
    }

    @Test
    void overwriteOffRefusesExistingTargets() throws Exception {
        assertEquals(Reason.EXISTS, assertThrows(StorageException.class,
                () -> jail.openUpload("/dir/file", UploadMode.REPLACE, 0, false)).reason());
        assertEquals(Reason.EXISTS, assertThrows(StorageException.class,
                () -> jail.openUpload("/dir/file", UploadMode.APPEND, 0, false)).reason());
        Upload upload = jail.openUpload("/dir/other", UploadMode.REPLACE, 0, false);
        upload.commit(0);
        assertTrue(Files.exists(root.resolve("dir/other")));
    }

    @Test
    void appendAndResumeRestoreTheLengthOnFailure() throws Exception {
        Upload append = jail.openUpload("/dir/file", UploadMode.APPEND, 0, true);
        assertEquals(5, append.start());
        append.channel().write(ByteBuffer.wrap(" world".getBytes(StandardCharsets.UTF_8)), append.start());
        append.abort();
        assertEquals("hello", Files.readString(root.resolve("dir/file")));

        Upload ok = jail.openUpload("/dir/file", UploadMode.APPEND, 0, true);
        ok.channel().write(ByteBuffer.wrap(" world".getBytes(StandardCharsets.UTF_8)), ok.start());
        ok.commit(6);
        assertEquals("hello world", Files.readString(root.resolve("dir/file")));

        Upload resume = jail.openUpload("/dir/file", UploadMode.RESUME, 5, true);
        resume.channel().write(ByteBuffer.wrap("!".getBytes(StandardCharsets.UTF_8)), resume.start());
        resume.commit(1);
        assertEquals("hello!", Files.readString(root.resolve("dir/file")));

        assertThrows(StorageException.class, () -> jail.openUpload("/dir/file", UploadMode.RESUME, 100, true));
    }

    @Test
    void diskFullIsTypedAndLeavesNothing() throws Exception {
        Jail small = new Jail(root, kind().resolver(), FullDiskChannel.opener(4));
        Upload upload = small.openUpload("/dir/file", UploadMode.REPLACE, 0, true);
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> upload.channel().write(ByteBuffer.wrap(new byte[10]), 0));
        assertEquals(Reason.NO_SPACE, StorageException.from(e, "/dir/file").reason());
        upload.abort();
        assertEquals("hello", Files.readString(root.resolve("dir/file")));
        assertEquals(List.of("file"), onDisk("dir"));
    }

    @Test
    void directoriesAndRenames() throws Exception {
        jail.makeDirectory("/d2");
        assertEquals(Reason.EXISTS, assertThrows(StorageException.class, () -> jail.makeDirectory("/d2")).reason());
        jail.rename("/dir/file", "/d2/moved");
        assertArrayEquals("hello".getBytes(), Files.readAllBytes(root.resolve("d2/moved")));
        assertEquals(Reason.NOT_EMPTY, assertThrows(StorageException.class, () -> jail.removeDirectory("/d2")).reason());
        assertEquals(Reason.IS_DIRECTORY, assertThrows(StorageException.class, () -> jail.delete("/d2")).reason());
        jail.delete("/d2/moved");
        Files.writeString(root.resolve("d2/.grid-acl"), "acl");
        jail.removeDirectory("/d2");
        assertFalse(Files.exists(root.resolve("d2")));
        assertEquals(Reason.REFUSED, assertThrows(StorageException.class, () -> jail.rename("/dir", "/dir/sub")).reason());
        jail.setMode("/dir", 0750);
        assertEquals(0750, jail.stat("/dir").mode());
    }

    @Test
    void everyDescriptorIsClosedAgain() throws Exception {
        Files.createSymbolicLink(root.resolve("escape"), Path.of("../outside"));
        long before = openDescriptors();
        for (int i = 0; i < 200; i++) {
            jail.stat("/dir/file");
            jail.lstat("/dir/file");
            jail.list("/dir");
            jail.openRead("/dir/file").close();
            assertThrows(StorageException.class, () -> jail.stat("/escape/secret"));
            assertThrows(StorageException.class, () -> jail.stat("/nope/deeper"));
            jail.openUpload("/dir/n" + i, UploadMode.REPLACE, 0, true).commit(0);
            jail.openUpload("/dir/n" + i, UploadMode.REPLACE, 0, true).abort();
            jail.openUpload("/dir/n" + i, UploadMode.APPEND, 0, true).commit(0);
            jail.rename("/dir/n" + i, "/dir/m" + i);
            jail.delete("/dir/m" + i);
            jail.makeDirectory("/d" + i);
            jail.removeDirectory("/d" + i);
            assertThrows(StorageException.class, () -> jail.openUpload("/dir/file", UploadMode.REPLACE, 0, false));
        }
        assertEquals(before, openDescriptors(), "descriptors left open");
    }

    @Test
    void aClosedJailRefusesFurtherWork() throws Exception {
        jail.close();
        assertEquals(Reason.IO, assertThrows(StorageException.class, () -> jail.stat("/dir")).reason());
    }

    /** Descriptors of this process that lead into this test's directory (other tests' come and go). */
    private long openDescriptors() throws Exception {
        Path mine = tmp.toRealPath();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).startsWith(mine);
                } catch (Exception e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }

    private List<String> onDisk(String dir) throws Exception {
        try (Stream<Path> s = Files.list(root.resolve(dir))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
