package dev.wharf.operator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.render.topology.TopologyAgentRenderer;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Images from a private registry pull: transfer pods and topology agents carry the configured pull Secrets. */
class ImagePullSecretsTest {

    private static final RenderSettings PRIVATE = new RenderSettings("wharf-data", "registry.example/wharf/server:1.0",
            List.of("regcred", "mirror"));

    private static PodSpec transferPod(RenderSettings settings) {
        return ((Rendered) TransferServerRenderer.render(Fixtures.gridServer(), Fixtures.pool(),
                new PortAllocationResult.Allocated(Fixtures.gridPorts()), Fixtures.gridSecrets(), List.of(), settings))
                .statefulSet().getSpec().getTemplate().getSpec();
    }

    private static PodSpec agentPod(RenderSettings settings) {
        return TopologyAgentRenderer.daemonSet("fast", Fixtures.pool(), settings).getSpec().getTemplate().getSpec();
    }

    @Test
    void everyPodOfTheServerImageListsThePullSecrets() {
        List<LocalObjectReference> expected = List.of(new LocalObjectReference("mirror"), new LocalObjectReference("regcred"));
        assertEquals(expected, transferPod(PRIVATE).getImagePullSecrets());
        assertEquals(expected, agentPod(PRIVATE).getImagePullSecrets());
    }

    @Test
    void withoutPullSecretsNothingIsListed() {
        assertEquals(List.of(), transferPod(Fixtures.SETTINGS).getImagePullSecrets());
        assertEquals(List.of(), agentPod(Fixtures.SETTINGS).getImagePullSecrets());
    }
}
