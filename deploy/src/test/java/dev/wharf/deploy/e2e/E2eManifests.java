package dev.wharf.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.deploy.examples.Examples;
import java.util.List;

/**
 * The examples as the e2e run applies them: the StoragePool made to fit a kind node (its data NIC is
 * {@code eth0}, one node carries the label), Secrets with the test's own ssh key, and only the
 * TransferServers a cluster without site credentials can serve (GSI needs a host certificate and CA).
 */
public final class E2eManifests {
    public static final String POOL_FILE = "storagepool-hostpath.yaml";
    public static final List<String> SERVER_FILES =
            List.of("transferserver-password.yaml", "transferserver-anonymous.yaml", "transferserver-sshd.yaml");

    static final int E2E_CPUS = 1;
    static final String E2E_MEMORY = "1Gi";

    private E2eManifests() {}

    /** The example pool with {@code spec.dataInterface} set to one name on every node and no tolerations needed. */
    public static JsonNode pool(String dataInterface) {
        JsonNode pool = only(POOL_FILE, "StoragePool").deepCopy();
        ObjectNode spec = (ObjectNode) pool.path("spec");
        ObjectNode iface = spec.putObject("dataInterface");
        iface.put("name", dataInterface);
        return pool;
    }

    /**
     * Every document of an example file, with the namespace set, TransferServers sized for kind nodes,
     * and {@code authorized_keys} replaced when a key is given.
     */
    public static List<JsonNode> serverFile(String file, String namespace, String authorizedKey) {
        return Examples.documents(Examples.directory().resolve(file)).stream().map(d -> {
            ObjectNode o = d.object().deepCopy();
            ((ObjectNode) o.path("metadata")).put("namespace", namespace);
            if (o.path("kind").asText().equals("TransferServer")) {
                // kind nodes share the runner's few CPUs: one exclusive CPU per pod keeps every pod schedulable.
                ((ObjectNode) o.path("spec")).put("cpus", E2E_CPUS).put("memory", E2E_MEMORY);
            }
            if (authorizedKey != null && o.path("stringData").has("authorized_keys")) {
                ((ObjectNode) o.path("stringData")).put("authorized_keys", authorizedKey.strip() + "\n");
            }
            return (JsonNode) o;
        }).toList();
    }

    public static JsonNode only(String file, String kind) {
        List<Examples.Document> docs = Examples.documents(Examples.directory().resolve(file)).stream()
                .filter(d -> d.kind().equals(kind)).toList();
        if (docs.size() != 1) {
            throw new IllegalStateException(file + " must hold exactly one " + kind + ", has " + docs.size());
        }
        return docs.get(0).object();
    }

    /** The user name and clear-text password the example's comment documents for its password file. */
    public record Login(String user, String password) {}

    public static final Login EXAMPLE_LOGIN = new Login("alice", "change-me-please");
    public static final Login SSHD_JOB_LOGIN = new Login("jane", "change-me-please");
}
