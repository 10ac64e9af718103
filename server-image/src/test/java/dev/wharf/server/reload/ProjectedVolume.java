package dev.wharf.server.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A directory laid out the way the kubelet writes a Secret or ConfigMap volume (its AtomicWriter): the
 * files live in a hidden, timestamped directory, {@code ..data} links to it, and every key is a symlink
 * {@code key -> ..data/key}. An update writes a new hidden directory and swaps {@code ..data} with one
 * rename, so a reader sees the old or the new version, never a mix; the key links themselves never change.
 */
final class ProjectedVolume {

    private final Path dir;
    private final AtomicInteger version = new AtomicInteger();

    ProjectedVolume(Path dir, Map<String, byte[]> files) {
        this.dir = dir;
        update(files);
    }

    Path dir() {
        return dir;
    }

    Path file(String key) {
        return dir.resolve(key);
    }

    /** Publishes a new version of the whole volume. */
    void update(Map<String, byte[]> files) {
        try {
            Files.createDirectories(dir);
            Path data = dir.resolve("..2026_12_07_19_00_00." + version.incrementAndGet());
            Files.createDirectory(data);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(data.resolve(e.getKey()), e.getValue());
            }
            Path tmp = dir.resolve("..data_tmp");
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, data.getFileName());
            Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (String key : files.keySet()) {
                Path link = dir.resolve(key);
                if (!Files.isSymbolicLink(link)) {
                    Files.createSymbolicLink(link, Path.of("..data", key));
                }
            }
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith("..2026") && !p.equals(data)) {
                        try (Stream<Path> inside = Files.list(p)) {
                            for (Path f : inside.toList()) {
                                Files.delete(f);
                            }
                        }
                        Files.delete(p);
                    } else if (!name.startsWith("..") && !files.containsKey(name)) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
