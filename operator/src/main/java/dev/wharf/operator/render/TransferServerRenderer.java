package dev.wharf.operator.render;

import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.RenderResult.NotRendered;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.conf.AdminExposure;
import dev.wharf.operator.render.conf.ConfigMapRenderer;
import dev.wharf.operator.render.conf.NetworkCheck;
import dev.wharf.operator.render.conf.ServerConf;
import dev.wharf.operator.render.conf.ServerConfRenderer;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.render.secrets.CredentialsRenderer;
import dev.wharf.operator.render.secrets.CredentialsResult;
import dev.wharf.operator.render.sshd.SshdInputs;
import dev.wharf.operator.render.sshd.SshdRenderer;
import dev.wharf.operator.render.workload.WorkloadRenderer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.List;
import java.util.Map;

/**
 * The one entry point a reconciler needs: a TransferServer and the cluster facts around it in, every
 * desired object out (or the reason there are none). Pure: no client, no clock, no randomness.
 */
public final class TransferServerRenderer {

    private TransferServerRenderer() {
    }

    /**
     * @param ts             the TransferServer
     * @param pool           the spec of the StoragePool named by {@code ts.spec.pool}, or {@code null} if it does not exist
     * @param ports          this server's entry of {@code PortAllocator.allocate(...)}
     * @param userSecrets    Secrets of the TransferServer's namespace by name (at least the referenced ones)
     * @param preferredNodes nodes where NIC and storage share a NUMA node ({@code TopologySummary.alignedNodes})
     * @param settings       data-plane namespace and server image
     */
    public static RenderResult render(TransferServer ts, StoragePoolSpec pool, PortAllocationResult ports,
            Map<String, Secret> userSecrets, List<String> preferredNodes, RenderSettings settings) {
        return render(ts, pool, ports, userSecrets, preferredNodes, SshdInputs.NONE, settings);
    }

    /**
     * As above, for a TransferServer that may have the sshd sidecar.
     *
     * @param sshd the job's ssh keys and hosts; required when {@code spec.sshd.enabled}
     */
    public static RenderResult render(TransferServer ts, StoragePoolSpec pool, PortAllocationResult ports,
            Map<String, Secret> userSecrets, List<String> preferredNodes, SshdInputs sshd, RenderSettings settings) {
        String namespace = ts.getMetadata().getNamespace();
        if (pool == null) {
            return new NotRendered(RenderResult.POOL_NOT_FOUND, "StoragePool " + ts.getSpec().pool
                    + " does not exist; ask your cluster admin which pools there are (kubectl get storagepools)");
        }
        if (!pool.admits(namespace)) {
            return new NotRendered(RenderResult.NAMESPACE_NOT_ALLOWED, "StoragePool " + ts.getSpec().pool
                    + " does not admit namespace " + namespace + " (spec.allowedNamespaces); ask the admin or use another pool");
        }
        var network = NetworkCheck.check(ts.getSpec().doorOptions);
        if (network.isPresent()) {
            return network.get();
        }
        if (ports instanceof PortAllocationResult.Refused refused) {
            return new NotRendered(refused.reason(), refused.message());
        }
        var allocated = ((PortAllocationResult.Allocated) ports).ports();
        CredentialsResult credentials = CredentialsRenderer.render(ts, userSecrets, settings.namespace());
        if (credentials instanceof CredentialsResult.Problem problem) {
            return new NotRendered(problem.reason(), problem.message());
        }
        List<Secret> secrets = ((CredentialsResult.Ready) credentials).secrets();
        SshdRenderer.Objects sshdObjects = null;
        if (ts.getSpec().sshd != null && ts.getSpec().sshd.isEnabled()) {
            if (sshd.keys() == null) {
                throw new IllegalArgumentException("spec.sshd is enabled: the job's ssh keys are required");
            }
            SshdRenderer.Result r = SshdRenderer.render(ts, userSecrets, sshd.keys(), sshd.hosts(), sshd.nodeHosts(), allocated.sshd,
                    settings.namespace());
            if (r instanceof SshdRenderer.Refused refused) {
                return new NotRendered(refused.reason(), refused.message());
            }
            sshdObjects = (SshdRenderer.Objects) r;
        }
        ServerConf conf = AdminExposure.restrict(ServerConfRenderer.render(ts, pool, allocated), settings.adminClients());
        // The server's own checks, here rather than in a pod that would exit at start: the CRD's patterns
        // are shapes (a CIDR /99 passes them), and every rendering in the tests goes through this too.
        List<String> refused = conf.problems("server.conf");
        if (!refused.isEmpty()) {
            return new NotRendered(RenderResult.SERVER_CONF_REFUSED, "the server would refuse the server.conf this spec"
                    + " renders to: " + String.join("; ", refused) + " (docs/configuration.md)");
        }
        ConfigMap configMap = ConfigMapRenderer.render(ts, conf, settings.namespace());
        List<ConfigMap> hashedConfig = sshdObjects == null ? List.of(configMap) : List.of(configMap, sshdObjects.config());
        String hash = ConfigHash.of(hashedConfig, ReloadableFiles.readAtStartOnly(ts, secrets));
        return new Rendered(conf, configMap, secrets,
                WorkloadRenderer.headlessService(ts, allocated, settings),
                WorkloadRenderer.statefulSet(ts, pool, allocated, hash, preferredNodes, settings),
                allocated, hash, sshdObjects == null ? List.of() : sshdObjects.all());
    }
}
