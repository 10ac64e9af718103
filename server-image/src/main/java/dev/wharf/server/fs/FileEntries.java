package dev.wharf.server.fs;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Map;

/** Reads one {@link FileEntry} with a single {@code unix:*} attribute call. */
final class FileEntries {

    private FileEntries() {}

    static FileEntry read(Path real, String name, String virtual) throws StorageException {
        return read(real, name, virtual, new LinkOption[0]);
    }

    static FileEntry readNoFollow(Path real, String name, String virtual) throws StorageException {
        return read(real, name, virtual, new LinkOption[] {LinkOption.NOFOLLOW_LINKS});
    }

    private static FileEntry read(Path real, String name, String virtual, LinkOption[] options)
            throws StorageException {
        try {
            Map<String, Object> a = java.nio.file.Files.readAttributes(real,
                    "unix:mode,nlink,owner,group,uid,gid,ino,size,lastModifiedTime", options);
            int mode = (Integer) a.get("mode");
            FileEntry.Type type = switch (mode & 0170000) {
                case 0100000 -> FileEntry.Type.FILE;
                case 0040000 -> FileEntry.Type.DIRECTORY;
                case 0120000 -> FileEntry.Type.SYMLINK;
                default -> FileEntry.Type.OTHER;
            };
            Instant modified = ((FileTime) a.get("lastModifiedTime")).toInstant();
            return new FileEntry(name, type, (Long) a.get("size"), modified, mode & 07777,
                    (Integer) a.get("nlink"), ((UserPrincipal) a.get("owner")).getName(),
                    ((GroupPrincipal) a.get("group")).getName(), (Integer) a.get("uid"),
                    (Integer) a.get("gid"), (Long) a.get("ino"));
        } catch (IOException e) {
            throw StorageException.from(e, virtual);
        }
    }
}
