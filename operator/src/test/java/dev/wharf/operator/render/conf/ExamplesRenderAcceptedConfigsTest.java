package dev.wharf.operator.render.conf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.config.PortRange;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every TransferServer of examples/, rendered against the example StoragePool, gives a server.conf the
 * server's parser and checks accept (see {@link ServerAccepts}). Ports are fixed stand-ins: the
 * allocator's own tests cover allocation.
 */
class ExamplesRenderAcceptedConfigsTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    private static List<String> documents(String kind) throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (String doc : Files.readString(file).split("(?m)^---$")) {
                    if (doc.contains("\nkind: " + kind + "\n")) {
                        found.add(doc);
                    }
                }
            }
        }
        return found;
    }

    private static PortAllocationStatus ports(TransferServer ts) {
        PortAllocationStatus ports = new PortAllocationStatus();
        int next = 2800;
        for (DoorType door : ts.getSpec().doors.enabled().keySet()) {
            ports.doors.put(door.specName(), next++);
        }
        ports.admin = next++;
        ports.sshd = next;
        ports.data = new PortRange(20000, 20499);
        return ports;
    }

    @Test
    void everyExampleServerRendersAConfigTheServerAccepts() throws Exception {
        List<String> pools = documents("StoragePool");
        List<String> servers = documents("TransferServer");
        assertTrue(!pools.isEmpty() && servers.size() >= 3, "examples not found: " + pools.size() + ", " + servers.size());
        StoragePool pool = Serialization.unmarshal(pools.get(0), StoragePool.class);
        for (String yaml : servers) {
            TransferServer ts = Serialization.unmarshal(yaml, TransferServer.class);
            if (ts.getMetadata().getNamespace() == null) {
                ts.getMetadata().setNamespace("physics");
            }
            ServerAccepts.check(ServerConfRenderer.render(ts, pool.getSpec(), ports(ts)), "examples: " + ts.getMetadata().getName());
        }
    }
}
