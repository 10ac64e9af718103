package dev.wharf.server.fs;

import dev.wharf.server.acl.Operation;
import dev.wharf.server.auth.Identity;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * A logged-in session's view of storage, the one seam every door's commands use. Paths are jail
 * paths ("/a/b", normalised by {@link VirtualPaths#resolve}). Every method checks the session's access
 * before it acts ({@link GuardedStorage}: the AccessPolicy, then the jail); failures are typed
 * ({@link StorageException#reason()}). Sessions get one from {@link SessionStorage#open}; command
 * tests use an in-memory one.
 */
public interface Storage extends AutoCloseable {

    Identity identity();

    /** Whether every change is refused (anonymous sessions). */
    boolean readOnly();

    /** Whether an operation would be allowed, without counting or logging a denial (for listings). */
    boolean allowed(Operation op, String path);

    FileEntry stat(String path) throws StorageException;

    /** Attributes of a file about to be read or described by its content (RETR, SIZE, MDTM): READ_FILE. */
    FileEntry statForRead(String path) throws StorageException;

    /** Attributes without following a final symlink. */
    FileEntry lstat(String path) throws StorageException;

    /** What a listing shows about its argument itself: LIST_DIRECTORY for a directory, else STAT. */
    FileEntry statForListing(String path) throws StorageException;

    /** Checks that {@code path} is a directory the session may enter. */
    FileEntry enter(String path) throws StorageException;

    /** The visible entries of a directory, unsorted. */
    List<FileEntry> list(String dir) throws StorageException;

    /** A channel for reading a regular file; the caller closes it. */
    FileChannel openRead(String path) throws StorageException;

    Upload openUpload(String path, UploadMode mode, long offset) throws StorageException;

    /** A name in {@code dir} that does not exist yet, built from {@code base} (STOU). */
    String uniqueName(String dir, String base) throws StorageException;

    void makeDirectory(String path) throws StorageException;

    void removeDirectory(String path) throws StorageException;

    void delete(String path) throws StorageException;

    void rename(String from, String to) throws StorageException;

    void setMode(String path, int mode) throws StorageException;

    /** Checks that the session may show or change {@code dir}'s ACL (SITE GETACL/SETACL). */
    void administerAcl(String dir) throws StorageException;

    /** The host directory the ACL files of this storage live under (for the ACL tools only). */
    Path aclRoot();

    /** Ends the session's use of the storage. */
    @Override
    void close();
}
