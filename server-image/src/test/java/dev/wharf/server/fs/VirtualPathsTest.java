package dev.wharf.server.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VirtualPathsTest {

    @Test
    void resolvesRelativeAndAbsoluteArguments() throws Exception {
        assertEquals("/a/b/c", VirtualPaths.resolve("/a/b", "c"));
        assertEquals("/x", VirtualPaths.resolve("/a/b", "/x"));
        assertEquals("/a", VirtualPaths.resolve("/a/b", ".."));
        assertEquals("/a/b", VirtualPaths.resolve("/a/b", ""));
        assertEquals("/a/c", VirtualPaths.resolve("/a/b", "./../c//"));
        assertEquals("/", VirtualPaths.resolve("/a", "/a/.."));
        assertEquals("/with space", VirtualPaths.resolve("/", "with space"));
    }

    @Test
    void refusesLeavingTheRoot() {
        StorageException e = assertThrows(StorageException.class, () -> VirtualPaths.resolve("/a", "../.."));
        assertEquals(StorageException.Reason.REFUSED, e.reason());
        assertThrows(StorageException.class, () -> VirtualPaths.resolve("/", "/../etc/passwd"));
    }

    @Test
    void refusesNulAndOverlongNames() {
        assertEquals(StorageException.Reason.REFUSED,
                assertThrows(StorageException.class, () -> VirtualPaths.resolve("/", "a\0b")).reason());
        assertThrows(StorageException.class, () -> VirtualPaths.resolve("/", "x".repeat(256)));
        String longPath = ("/" + "y".repeat(200)).repeat(21);
        assertThrows(StorageException.class, () -> VirtualPaths.resolve("/", longPath));
    }

    @Test
    void parentAndName() {
        assertEquals("/a", VirtualPaths.parent("/a/b"));
        assertEquals("/", VirtualPaths.parent("/a"));
        assertEquals("b", VirtualPaths.name("/a/b"));
        assertEquals("/a/b", VirtualPaths.child("/a", "b"));
        assertEquals("/b", VirtualPaths.child("/", "b"));
    }
}
