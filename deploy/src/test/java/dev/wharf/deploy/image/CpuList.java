package dev.wharf.deploy.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Linux cpulists ("0-3,8,10-11") as sets, and the two CPUs a test container is confined to. */
final class CpuList {
    private CpuList() {}

    static Set<Integer> parse(String list) {
        Set<Integer> cpus = new TreeSet<>();
        for (String part : list.strip().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-");
            int first = Integer.parseInt(range[0]);
            int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
            for (int c = first; c <= last; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }

    /** The first two CPUs this process may run on, as "A,B" (the machines here have at least two). */
    static String firstTwoAllowed() throws IOException {
        String allowed = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElseThrow(() -> new IllegalStateException("no Cpus_allowed_list in /proc/self/status"));
        List<Integer> cpus = List.copyOf(parse(allowed));
        if (cpus.size() < 2) {
            throw new IllegalStateException("the test needs two CPUs, this process may use " + allowed);
        }
        return cpus.get(0) + "," + cpus.get(1);
    }
}
