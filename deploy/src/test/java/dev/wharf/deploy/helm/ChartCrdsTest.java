package dev.wharf.deploy.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.marcnuri.helm.Helm;
import dev.wharf.deploy.Manifests;
import dev.wharf.deploy.RepoPaths;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart installs exactly the CRDs the operator's classes generate (crds/, kept by CrdDriftTest): its
 * crds/ is a symbolic link to the repository's crds/, so the two cannot drift; Helm follows it.
 */
class ChartCrdsTest {

    @Test
    void chartCrdsAreTheGeneratedOnes() throws IOException {
        Path inChart = RepoPaths.resolve("helm/wharf-operator/crds");
        assertEquals(RepoPaths.resolve("crds").toRealPath(), inChart.toRealPath(),
                "helm/wharf-operator/crds must be a link to ../../crds");
        assertFalse(read(inChart).isEmpty(), "no CRDs in crds/");
    }

    /** What Helm itself loads from the chart as CRDs (helm show crds), parsed as CRD objects. */
    @Test
    void helmInstallsThemWithTheChart() {
        String shown = new Helm(ChartRenderer.chart()).show().crds().call();
        // helm show crds joins the files with a blank line, no document separator: split them again where a
        // new file starts (a top-level comment or apiVersion right after a blank line).
        Manifests m = Manifests.parse(shown.replaceAll("(?m)^\\s*\\n(?=#|apiVersion:)", "---\n"));
        List<String> names = m.ofType(CustomResourceDefinition.class).stream().map(c -> c.getMetadata().getName()).sorted().toList();
        assertEquals(List.of("storagepools.wharf.dev", "transferservers.wharf.dev"), names);
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }
}
