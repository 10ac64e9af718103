package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Endpoint;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.PortRange;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.config.WharfSettings;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * INTERIM: stands in for the render package until it lands on main, then delegates to it. Keeps
 * only what the reconciler tests look at: labels, a server.conf, Secret copies and a pod-template
 * hash over both.
 */
@ApplicationScoped
public class InterimDesiredState implements DesiredState {

    static final String TEMPLATE_HASH = "wharf.dev/template-hash";

    private final WharfSettings settings;

    public InterimDesiredState(WharfSettings settings) {
        this.settings = settings;
    }

    @Override
    public Allocation allocate(TransferServer ts, StoragePool pool, PortAllocationStatus previous,
            Collection<PortAllocationStatus> takenByOthers) {
        PortRange control = pool.getSpec().ports.control;
        PortRange data = pool.getSpec().ports.data;
        int chunk = pool.getSpec().ports.dataPortsPerServer;
        Set<Integer> taken = new HashSet<>();
        Set<Integer> takenData = new HashSet<>();
        for (PortAllocationStatus other : takenByOthers) {
            taken.addAll(other.doors.values());
            taken.add(other.admin);
            takenData.add(other.data.first);
        }
        PortAllocationStatus ports = new PortAllocationStatus();
        for (Map.Entry<DoorType, Door> door : ts.getSpec().doors.enabled().entrySet()) {
            Integer port = previous != null ? previous.doors.get(door.getKey().specName()) : null;
            port = port != null && !taken.contains(port) ? port : free(control, taken);
            if (port == null) {
                return Allocation.exhausted("StoragePool \"" + pool.getMetadata().getName() + "\" has no free control port left in "
                        + control + "; delete an unused TransferServer or ask the admin to widen spec.ports.control");
            }
            taken.add(port);
            ports.doors.put(door.getKey().specName(), port);
        }
        Integer admin = previous != null && previous.admin != null && !taken.contains(previous.admin) ? previous.admin : free(control, taken);
        if (admin == null) {
            return Allocation.exhausted("StoragePool \"" + pool.getMetadata().getName() + "\" has no free control port left in " + control);
        }
        ports.admin = admin;
        for (int first = data.first; first + chunk - 1 <= data.last; first += chunk) {
            if (!takenData.contains(first)) {
                ports.data = new PortRange(first, first + chunk - 1);
                return Allocation.of(ports);
            }
        }
        return Allocation.exhausted("StoragePool \"" + pool.getMetadata().getName() + "\" has no free data-port range left in "
                + data + "; delete an unused TransferServer or ask the admin to widen spec.ports.data");
    }

    private static Integer free(PortRange range, Set<Integer> taken) {
        for (int p = range.first; p <= range.last; p++) {
            if (!taken.contains(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public List<HasMetadata> render(TransferServer ts, StoragePool pool, PortAllocationStatus ports, Map<String, Secret> secrets) {
        String name = ts.getMetadata().getNamespace() + "-" + ts.getMetadata().getName();
        String ns = settings.dataPlaneNamespace();
        Map<String, String> labels = Labels.selector(ts);
        StringBuilder conf = new StringBuilder();
        ports.doors.forEach((door, port) -> conf.append(door).append(".enabled = true\n").append(door).append(".port = ").append(port).append('\n'));
        conf.append("admin.port = ").append(ports.admin).append("\ndata.port-range = ").append(ports.data).append('\n');
        List<HasMetadata> out = new ArrayList<>();
        out.add(new ConfigMapBuilder().withNewMetadata().withName(name + "-config").withNamespace(ns).withLabels(labels).endMetadata()
                .withData(Map.of("server.conf", conf.toString())).build());
        TreeMap<String, String> hashed = new TreeMap<>(Map.of("server.conf", conf.toString()));
        secrets.forEach((secretName, secret) -> {
            out.add(new SecretBuilder().withNewMetadata().withName(name + "-" + secretName).withNamespace(ns).withLabels(labels).endMetadata()
                    .withData(new TreeMap<>(secret.getData())).build());
            hashed.put("secret/" + secretName, String.valueOf(new TreeMap<>(secret.getData())));
        });
        out.add(new StatefulSetBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(ts.getSpec().nodes).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).withAnnotations(Map.of(TEMPLATE_HASH, sha256(hashed.toString())))
                .endMetadata().withNewSpec().withHostNetwork(true).addNewContainer().withName("server").withImage(settings.serverImage())
                .endContainer().endSpec().endTemplate().endSpec().build());
        return out;
    }

    @Override
    public List<Endpoint> endpoints(TransferServer ts, PortAllocationStatus ports, List<String> nodes) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String node : nodes) {
            for (DoorType door : ts.getSpec().doors.enabled().keySet()) {
                endpoints.add(new Endpoint(node, door.specName(), door.scheme() + "://" + node + ":" + ports.doors.get(door.specName())));
            }
        }
        return endpoints;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
