package dev.wharf.server.privileges;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What to ask the kernel for, decided from the capabilities and the current limits alone (a pure
 * function, so the "capability missing" paths are tested by feeding masks without the bit).
 *
 * @param lockMemory   call mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)
 * @param openFilesSoft RLIMIT_NOFILE soft limit to set
 * @param openFilesHard RLIMIT_NOFILE hard limit to set
 * @param pipeSize     capacity to give splice pipes
 * @param netNice      nice value for network threads (0: leave alone)
 * @param warnings     exactly one line per missing capability that costs something, naming it
 */
public record PrivilegeDecision(boolean lockMemory, long openFilesSoft, long openFilesHard, int pipeSize,
                                int netNice, List<String> warnings) {

    /** The limits as they are before Wharf changes anything. */
    public record Facts(long openFilesSoft, long openFilesHard, long nrOpen, int pipeMaxSize) {}

    public static PrivilegeDecision decide(Capabilities caps, Facts facts, PrivilegeSettings want) {
        Map<Capability, List<String>> losses = new EnumMap<>(Capability.class);

        boolean lock = want.lockMemory() && caps.has(Capability.IPC_LOCK);
        if (want.lockMemory() && !lock) {
            lose(losses, Capability.IPC_LOCK, "transfer buffers are not locked in memory and may be paged out");
        }

        long openFiles = Math.min(want.openFiles(), facts.nrOpen());
        long soft;
        long hard;
        if (openFiles <= facts.openFilesHard()) {
            soft = Math.max(openFiles, facts.openFilesSoft());
            hard = facts.openFilesHard();
        } else if (caps.has(Capability.SYS_RESOURCE)) {
            soft = openFiles;
            hard = openFiles;
        } else {
            soft = facts.openFilesHard();
            hard = facts.openFilesHard();
            lose(losses, Capability.SYS_RESOURCE, "open files stay at the hard limit " + facts.openFilesHard()
                    + " (wanted " + openFiles + ")");
        }

        int pipe = want.pipeSize();
        if (pipe > facts.pipeMaxSize() && !caps.has(Capability.SYS_RESOURCE)) {
            pipe = facts.pipeMaxSize();
            lose(losses, Capability.SYS_RESOURCE, "splice pipes stay at fs.pipe-max-size " + facts.pipeMaxSize()
                    + " bytes (wanted " + want.pipeSize() + ")");
        }

        int nice = want.netNice();
        if (nice < 0 && !caps.has(Capability.SYS_NICE)) {
            nice = 0;
            lose(losses, Capability.SYS_NICE, "network threads keep the default priority (wanted nice "
                    + want.netNice() + ")");
        }

        List<String> warnings = new ArrayList<>();
        losses.forEach((c, what) -> warnings.add(c.capName() + " is missing: " + String.join("; ", what)));
        return new PrivilegeDecision(lock, soft, hard, pipe, nice, warnings);
    }

    private static void lose(Map<Capability, List<String>> losses, Capability c, String what) {
        losses.computeIfAbsent(c, k -> new ArrayList<>()).add(what);
    }
}
