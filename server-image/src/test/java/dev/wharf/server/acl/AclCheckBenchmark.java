package dev.wharf.server.acl;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.GuardedStorage;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.fs.Jail;
import dev.wharf.server.metrics.ServerMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the ACL check costs a door (docs/performance.md): listing a directory of 10,000 files and
 * opening (and reading) 10,000 small files at depth 10, through the storage view every door uses
 * ({@link GuardedStorage}), with a {@code .grid-acl} in each of the 10 directories above the files
 * ({@code acls=on}) against {@code acl.enabled = false} ({@code acls=off}). Run with
 * {@code bench/jmh AclCheckBenchmark}; not a test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 6, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dlogback.configurationFile=/dev/null"})
public class AclCheckBenchmark {

    static final int FILES = 10_000;
    static final int DEPTH = 10;

    @Param({"off", "on"})
    public String acls;

    /** acl.cache.revalidate-ms: the default; {@code -p revalidateMs=0} stats the ACL file on every lookup. */
    @Param({"1000"})
    public long revalidateMs;

    private Path root;
    private String directory;
    private final List<String> files = new ArrayList<>();
    private GuardedStorage storage;
    private AccessPolicy policy;
    private final Identity alice = Identity.passwordUser("alice", Set.of("staff"));
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64);

    @Setup(Level.Trial)
    public void createTree() throws IOException {
        root = Files.createTempDirectory("wharf-acl-bench");
        Path dir = root;
        StringBuilder virtual = new StringBuilder();
        for (int level = 0; level <= DEPTH; level++) {
            if (level > 0) {
                dir = Files.createDirectory(dir.resolve("d" + level));
                virtual.append("/d").append(level);
            }
            AclFileWriter.write(dir, acl(level));
        }
        directory = virtual.toString();
        for (int i = 0; i < FILES; i++) {
            String name = String.format("f%05d", i);
            Files.writeString(dir.resolve(name), "small file " + i + "\n");
            files.add(directory + "/" + name);
        }
        AclSettings settings = AclSettings.DEFAULTS.withRevalidateMillis(revalidateMs).withEnabled(acls.equals("on"));
        Jail jail = new Jail(root);
        policy = new SlashGridAccessPolicy(settings, null).forSession("bench", jail.root());
        storage = new GuardedStorage(jail, policy, new SessionStorage.Login("bench", alice, false, true),
                ServerMetrics.NONE, null);
    }

    /** A realistic ACL: a handful of DNs and groups; alice gets list (so read too) through her group. */
    private static String acl(int level) {
        StringBuilder acl = new StringBuilder("# level ").append(level).append('\n');
        acl.append("admin \"/O=Grid/O=Wharf/CN=Site Admin\"\n");
        for (int i = 0; i < 8; i++) {
            acl.append("write \"/O=Grid/O=Wharf/CN=User ").append(level).append('-').append(i).append("\"\n");
        }
        acl.append("list @staff\nread anonymous\nnone @banned\n");
        return acl.toString();
    }

    @TearDown(Level.Trial)
    public void deleteTree() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public int listTenThousandFiles() throws Exception {
        return storage.list(directory).size();
    }

    /**
     * A listing as MLSD renders it: the one LIST_DIRECTORY check, then per entry the two questions
     * its {@code Perm} fact asks (may read, may overwrite; ftp.EntryRights), 20,000 hypothetical checks.
     */
    @Benchmark
    public int listTenThousandFilesWithPermFacts(Blackhole hole) throws Exception {
        List<FileEntry> entries = storage.list(directory);
        for (FileEntry e : entries) {
            permFact(directory + "/" + e.name(), hole);
        }
        return entries.size();
    }

    /** The Perm-fact questions of a 10,000-entry listing alone: the ACL share of that listing. */
    @Benchmark
    public int permFactsOfTenThousandFiles(Blackhole hole) {
        for (String path : files) {
            permFact(path, hole);
        }
        return files.size();
    }

    private void permFact(String path, Blackhole hole) {
        hole.consume(storage.allowed(Operation.READ_FILE, path));
        hole.consume(storage.allowed(Operation.OVERWRITE_FILE, path));
    }

    @Benchmark
    public long openTenThousandSmallFiles(Blackhole hole) throws Exception {
        long bytes = 0;
        for (int i = 0; i < FILES; i++) {
            try (FileChannel channel = storage.openRead(files.get(i))) {
                buffer.clear();
                bytes += channel.read(buffer);
            }
        }
        hole.consume(buffer);
        return bytes;
    }

    /** One check alone, for scale. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public AccessDecision checkOnce() {
        return policy.check(alice, Operation.READ_FILE, files.get(4711));
    }
}
