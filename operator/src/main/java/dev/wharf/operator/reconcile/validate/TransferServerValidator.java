package dev.wharf.operator.reconcile.validate;

import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything that must hold before a TransferServer is rendered: its pool exists and admits its
 * namespace, the doors have the credentials they need, and every referenced Secret exists with
 * well-formed content. Pure: the lookups are passed in (informer caches in the reconciler, maps in
 * tests), so a finding never depends on anything but its inputs.
 */
public final class TransferServerValidator {

    private static final Set<DoorType> GSI_DOORS = Set.of(DoorType.GSIFTP, DoorType.GSIDCAP);

    private TransferServerValidator() {
    }

    /** What validation found, with the pool and Secrets it read (for rendering when valid). */
    public record Validation(StoragePool pool, Map<String, Secret> secrets, List<Finding> findings) {
        public boolean valid() {
            return findings.isEmpty();
        }
    }

    public static Validation validate(TransferServer ts, Function<String, StoragePool> pools,
            Function<String, Secret> secretsInNamespace, Instant now) {
        String namespace = ts.getMetadata().getNamespace();
        TransferServerSpec spec = ts.getSpec();
        List<Finding> findings = new ArrayList<>();
        StoragePool pool = pools.apply(spec.pool);
        if (pool == null) {
            findings.add(new Finding("PoolNotFound", "StoragePool \"" + spec.pool
                    + "\" (spec.pool) does not exist; list the pools with: kubectl get storagepools"));
        } else if (!pool.getSpec().admits(namespace)) {
            findings.add(new Finding("NamespaceNotAdmitted", "StoragePool \"" + spec.pool + "\" does not admit namespace \""
                    + namespace + "\" (its spec.allowedNamespaces: " + pool.getSpec().allowedNamespaces
                    + "); ask the cluster admin to add it or use another pool"));
        }
        findings.addAll(credentialsForDoors(spec));
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (SecretNeed need : SecretNeed.of(spec)) {
            Secret secret = secretsInNamespace.apply(need.secret());
            if (secret != null) {
                secrets.put(need.secret(), secret);
            }
            findings.addAll(SecretCheck.check(need, secret, namespace, now));
        }
        return new Validation(pool, secrets, findings);
    }

    private static List<Finding> credentialsForDoors(TransferServerSpec spec) {
        if (spec.doors == null) {
            return List.of(new Finding("InvalidSpec", "spec.doors is missing; list at least one door"));
        }
        boolean hasHostCredential = spec.authentication != null && spec.authentication.hostCredentialSecret != null;
        List<Finding> findings = new ArrayList<>();
        for (DoorType door : spec.doors.enabled().keySet()) {
            if (GSI_DOORS.contains(door) && !hasHostCredential) {
                findings.add(new Finding("MissingCredential", "door " + door.specName()
                        + " needs a GSI host credential: set spec.authentication.hostCredentialSecret"));
            }
        }
        return findings;
    }
}
