package dev.wharf.server.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a fake sysfs/procfs tree from a fixture under {@code src/test/resources/topology/} (kept as
 * text because Maven's resource copy would flatten symlinks). Lines:
 * <pre>
 *   path = one-line content          a file
 *   path -> /target                  a symlink; the target is below the fixture root
 *   path/                            an empty directory
 *   path &lt;&lt;EOF ... EOF                a multi-line file
 * </pre>
 */
final class FakeSysfs {

    private FakeSysfs() {}

    static Path build(String fixture, Path dir) throws IOException {
        List<String> lines;
        try (InputStream in = FakeSysfs.class.getResourceAsStream("/topology/" + fixture + ".tree")) {
            if (in == null) {
                throw new IOException("no fixture " + fixture);
            }
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.endsWith(" <<EOF")) {
                StringBuilder text = new StringBuilder();
                while (!lines.get(++i).equals("EOF")) {
                    text.append(lines.get(i)).append('\n');
                }
                write(dir, line.substring(0, line.length() - 6).strip(), text.toString());
            } else if (line.contains(" -> ")) {
                String[] f = line.split(" -> ", 2);
                Path link = dir.resolve(relative(f[0]));
                Path target = dir.resolve(relative(f[1]));
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, link.getParent().relativize(target));
            } else if (line.contains(" = ")) {
                String[] f = line.split(" = ", 2);
                write(dir, f[0].strip(), f[1] + "\n");
            } else if (line.endsWith("/")) {
                Files.createDirectories(dir.resolve(relative(line)));
            } else {
                throw new IOException(fixture + ":" + (i + 1) + ": cannot read fixture line: " + line);
            }
        }
        return dir;
    }

    /** Fixture paths may be written with or without the leading slash; both mean below the root. */
    private static String relative(String path) {
        return path.strip().replaceAll("^/+", "");
    }

    private static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(relative(path));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
