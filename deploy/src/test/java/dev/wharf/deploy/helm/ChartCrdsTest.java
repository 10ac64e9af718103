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

/** The chart installs exactly the CRDs the operator's classes generate (crds/, kept by CrdDriftTest). */
class ChartCrdsTest {
    private static final String FIX = "copy them: cp crds/*.yml helm/wharf-operator/crds/";

    @Test
    void chartCrdsAreByteForByteTheGeneratedOnes() throws IOException {
        Map<String, String> generated = read(RepoPaths.resolve("crds"));
        Map<String, String> inChart = read(RepoPaths.resolve("helm/wharf-operator/crds"));
        assertFalse(generated.isEmpty(), "no CRDs in crds/");
        assertEquals(generated.keySet(), inChart.keySet(), "the chart's crds/ must hold the same files as crds/; " + FIX);
        generated.forEach((name, text) -> assertEquals(text, inChart.get(name), name + " differs from crds/; " + FIX));
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
