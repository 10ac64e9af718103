package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.RenderResult.Rendered;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rendered sidecar of the fixture job (two pods, fixed keys), kept as files under
 * {@code src/test/resources/sshd-sidecar/}: ConfigMap {@code <base>-ssh} in {@code config/}, Secret
 * {@code <base>-ssh} decoded in {@code keys/}, the hostsfile in {@code job/}, and the StatefulSet. The
 * container test ({@code deploy: SshdSidecarImageTest}) starts the real image from exactly these files,
 * mounted the way the StatefulSet says; this test fails when the renderer and the files part ways.
 * After an intended change run it with {@code -Dsshd.golden.write=true} and review the diff.
 */
class SshdSidecarFilesTest {

    static final Path DIR = Path.of("src/test/resources/sshd-sidecar");
    static final String STATEFUL_SET = "statefulset.yaml";

    @Test
    void renderedFilesMatchWhatTheContainerTestRuns() throws IOException {
        Map<String, String> expected = files();
        if (Boolean.getBoolean("sshd.golden.write")) {
            for (var e : expected.entrySet()) {
                Path p = DIR.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
        }
        for (var e : expected.entrySet()) {
            Path p = DIR.resolve(e.getKey());
            String actual = Files.exists(p) ? Files.readString(p) : "(missing)";
            if (e.getKey().equals(STATEFUL_SET)) {
                // compared as objects: the YAML layout depends on how the JVM's other tests set up Fabric8's mapper
                assertEquals(Serialization.unmarshal(e.getValue(), StatefulSet.class), Serialization.unmarshal(actual, StatefulSet.class),
                        p + " differs from the renderer's output; rerun with -Dsshd.golden.write=true");
                continue;
            }
            assertEquals(e.getValue(), actual, p + " differs from the renderer's output; rerun with -Dsshd.golden.write=true");
        }
        try (var listed = Files.walk(DIR)) {
            List<String> onDisk = listed.filter(Files::isRegularFile).map(p -> DIR.relativize(p).toString()).sorted().toList();
            assertEquals(List.copyOf(expected.keySet()), onDisk, "files the renderer no longer makes");
        }
    }

    static Map<String, String> files() {
        TransferServer ts = SshdFixtures.janeJob();
        List<String> hosts = HostsFile.hosts(ts, "wharf-data",
                List.of(SshdFixtures.pod(ts, 0, "10.0.0.1"), SshdFixtures.pod(ts, 1, "10.0.0.2")));
        Rendered r = SshdSidecarRenderTest.rendered(hosts);
        Secret keys = (Secret) r.sshd().get(0);
        ConfigMap config = (ConfigMap) r.sshd().get(1);
        ConfigMap hostsMap = (ConfigMap) r.sshd().get(2);
        Map<String, String> files = new TreeMap<>();
        config.getData().forEach((k, v) -> files.put("config/" + k, v));
        keys.getData().forEach((k, v) -> files.put("keys/" + k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        hostsMap.getData().forEach((k, v) -> files.put("job/" + k, v));
        files.put(STATEFUL_SET, Serialization.asYaml(r.statefulSet()));
        return files;
    }
}
