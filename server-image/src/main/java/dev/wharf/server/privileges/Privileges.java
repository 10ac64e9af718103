package dev.wharf.server.privileges;

import com.sun.jna.LastErrorException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.topology.SysTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the kernel for what a fast mover needs, as far as the capabilities allow, and carries on
 * without the rest: locked memory (CAP_IPC_LOCK), open-file limit and pipe capacity beyond their
 * ceilings (CAP_SYS_RESOURCE), higher priority for network threads (CAP_SYS_NICE). Each missing
 * capability that costs something is named in exactly one WARN. Call once at start-up, before the
 * thread pools exist (memory locking covers what is mapped later too).
 */
public final class Privileges {

    private static final Logger LOG = LoggerFactory.getLogger(Privileges.class);
    private static final int DEFAULT_PIPE_SIZE = 65536;

    private final Capabilities caps;
    private final PrivilegeDecision decision;
    private final boolean memoryLocked;
    private final long openFiles;
    private final int pipeSize;

    private Privileges(Capabilities caps, PrivilegeDecision decision, boolean memoryLocked, long openFiles,
                       int pipeSize) {
        this.caps = caps;
        this.decision = decision;
        this.memoryLocked = memoryLocked;
        this.openFiles = openFiles;
        this.pipeSize = pipeSize;
    }

    public static Privileges apply(ConfigFile config) {
        return apply(Capabilities.current(Path.of("/")), PrivilegeSettings.from(config));
    }

    /** Decides from {@code caps} and the real limits, warns, then applies; never throws for a refusal. */
    public static Privileges apply(Capabilities caps, PrivilegeSettings want) {
        PrivilegeDecision d = PrivilegeDecision.decide(caps, facts(), want);
        d.warnings().forEach(LOG::warn);
        if (!LibC.available()) {
            LOG.warn("libc is not reachable through JNA: memory is not locked, limits and pipes stay as they are");
            return new Privileges(caps, d, false, d.openFilesSoft(), DEFAULT_PIPE_SIZE);
        }
        boolean locked = false;
        if (d.lockMemory()) {
            try {
                LibC.mlockall(LibC.MCL_CURRENT | LibC.MCL_FUTURE | LibC.MCL_ONFAULT);
                locked = true;
                LOG.info("memory locked (mlockall, on fault): the transfer buffer pool cannot be paged out");
            } catch (LastErrorException e) {
                LOG.warn("mlockall refused ({}): transfer buffers are not locked in memory", e.getMessage());
            }
        }
        long files = raiseOpenFiles(d);
        int pipe = checkPipeSize(d.pipeSize());
        return new Privileges(caps, d, locked, files, pipe);
    }

    static PrivilegeDecision.Facts facts() {
        long soft = 1024;
        long hard = 4096;
        if (LibC.available()) {
            LibC.RLimit r = LibC.getrlimit(LibC.RLIMIT_NOFILE);
            soft = r.cur;
            hard = r.max;
        }
        SysTree proc = new SysTree(Path.of("/"));
        long nrOpen = proc.read("proc/sys/fs/nr_open").flatMap(Privileges::number).orElse(1_048_576L);
        long pipeMax = proc.read("proc/sys/fs/pipe-max-size").flatMap(Privileges::number).orElse(1_048_576L);
        return new PrivilegeDecision.Facts(soft, hard, nrOpen, (int) Math.min(pipeMax, Integer.MAX_VALUE));
    }

    private static Optional<Long> number(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long raiseOpenFiles(PrivilegeDecision d) {
        try {
            LibC.setrlimit(LibC.RLIMIT_NOFILE, d.openFilesSoft(), d.openFilesHard());
            LOG.info("open files limit {} (hard {})", d.openFilesSoft(), d.openFilesHard());
            return d.openFilesSoft();
        } catch (LastErrorException e) {
            long now = LibC.getrlimit(LibC.RLIMIT_NOFILE).cur;
            LOG.warn("setrlimit(RLIMIT_NOFILE, {}) refused ({}): open files stay at {}", d.openFilesSoft(),
                    e.getMessage(), now);
            return now;
        }
    }

    /** Tries the decided size on a scratch pipe, so a kernel that disagrees is found at start-up. */
    private static int checkPipeSize(int wanted) {
        int[] fds = LibC.pipe();
        try {
            return PipeCapacity.set(fds[1], wanted);
        } catch (LastErrorException e) {
            LOG.warn("pipe capacity {} refused ({}): splice pipes keep the kernel default", wanted, e.getMessage());
            return LibC.pipeSize(fds[1]);
        } finally {
            LibC.close(fds[0]);
            LibC.close(fds[1]);
        }
    }

    public Capabilities capabilities() {
        return caps;
    }

    public boolean memoryLocked() {
        return memoryLocked;
    }

    public long openFiles() {
        return openFiles;
    }

    /** The capacity to give splice pipes ({@link PipeCapacity#set(int, int)}); already known to work. */
    public int pipeSize() {
        return pipeSize;
    }

    /** The nice value for network threads (0: leave alone); {@code CpuPinning} applies it. */
    public int netNice() {
        return decision.netNice();
    }

    /** The {@code /status} section {@code privileges}. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Boolean> c = new LinkedHashMap<>();
        for (Capability cap : Capability.values()) {
            c.put(cap.capName(), caps.has(cap));
        }
        out.put("capabilities", c);
        out.put("memoryLocked", memoryLocked);
        out.put("openFiles", openFiles);
        out.put("pipeSize", pipeSize);
        out.put("netNice", netNice());
        out.put("warnings", decision.warnings());
        return out;
    }
}
