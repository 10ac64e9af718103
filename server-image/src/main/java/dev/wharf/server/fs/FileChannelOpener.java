package dev.wharf.server.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/** Opens the file channels uploads write through; a seam so tests can simulate a full disk. */
@FunctionalInterface
public interface FileChannelOpener {

    FileChannelOpener DEFAULT = FileChannel::open;

    FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException;
}
