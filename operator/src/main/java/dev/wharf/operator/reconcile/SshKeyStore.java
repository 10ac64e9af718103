package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.sshd.JobSshKeys;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * The job's ssh keys: those its Secret already holds, else new ones (the renderer then writes them into
 * that Secret). Reads the API server, not an informer cache: a cache that has not yet seen the Secret this
 * operator just wrote would make new keys and replace the ones the running pods use.
 */
@ApplicationScoped
public class SshKeyStore {

    private final KubernetesClient client;
    private final SecureRandom random = new SecureRandom();

    public SshKeyStore(KubernetesClient client) {
        this.client = client;
    }

    public JobSshKeys keysFor(TransferServer ts, String dataPlaneNamespace) {
        Secret existing = client.secrets().inNamespace(dataPlaneNamespace).withName(ObjectNames.ssh(ts)).get();
        return JobSshKeys.fromSecretData(existing == null ? null : existing.getData())
                .orElseGet(() -> JobSshKeys.generate(ts.getMetadata().getNamespace() + "/" + ts.getMetadata().getName(), random));
    }
}
