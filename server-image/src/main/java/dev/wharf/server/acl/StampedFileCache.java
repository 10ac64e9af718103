package dev.wharf.server.acl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Parsed small files keyed by host path, re-read only when their {@link FileStamp} changes. Readers
 * tolerate a concurrent atomic replace (rename over the file): they parse either the old or the new
 * content, and the next stat sees the new inode. Symlinks are never followed: a link, a directory or
 * an unreadable, oversized or non-UTF-8 file becomes {@code unreadable(reason)} so callers fail closed.
 *
 * @param <T> the parse result
 */
final class StampedFileCache<T> {

    static final int MAX_BYTES = 1 << 20;

    private record Snapshot<T>(FileStamp stamp, T value) {}

    private final ConcurrentHashMap<Path, Snapshot<T>> snapshots = new ConcurrentHashMap<>();
    private final Function<String, T> parser;
    private final Function<String, T> unreadable;
    private final BiConsumer<Path, T> onNewContent;

    /**
     * @param onNewContent called once per new content of a file (for reporting malformed files once)
     */
    StampedFileCache(Function<String, T> parser, Function<String, T> unreadable, BiConsumer<Path, T> onNewContent) {
        this.parser = parser;
        this.unreadable = unreadable;
        this.onNewContent = onNewContent;
    }

    /** The parsed content of {@code file}, or null when no such file exists. Stats the file every call. */
    T get(Path file) {
        FileStamp stamp;
        try {
            stamp = FileStamp.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            snapshots.remove(file);
            return null;
        } catch (IOException e) {
            return remember(file, null, unreadable.apply("cannot stat: " + e.getMessage()));
        }
        Snapshot<T> cached = snapshots.get(file);
        if (cached != null && stamp.sameAs(cached.stamp())) {
            return cached.value();
        }
        if (!stamp.regularFile()) {
            return remember(file, stamp, unreadable.apply("not a regular file (links and directories are refused)"));
        }
        if (stamp.size() > MAX_BYTES) {
            return remember(file, stamp, unreadable.apply("larger than " + MAX_BYTES + " bytes"));
        }
        try {
            return remember(file, stamp, parser.apply(read(file)));
        } catch (NoSuchFileException e) {
            snapshots.remove(file);
            return null;
        } catch (CharacterCodingException e) {
            return remember(file, stamp, unreadable.apply("not valid UTF-8"));
        } catch (IOException e) {
            return remember(file, stamp, unreadable.apply("cannot read: " + e.getMessage()));
        }
    }

    void clear() {
        snapshots.clear();
    }

    private T remember(Path file, FileStamp stamp, T value) {
        Snapshot<T> previous = snapshots.put(file, new Snapshot<>(stamp, value));
        if (previous == null || stamp == null || !stamp.sameAs(previous.stamp())) {
            onNewContent.accept(file, value);
        }
        return value;
    }

    private static String read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }
}
