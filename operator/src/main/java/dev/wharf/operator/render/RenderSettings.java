package dev.wharf.operator.render;

import java.util.List;
import java.util.Objects;

/**
 * The operator settings the renderers need (from {@code WharfSettings}).
 *
 * @param namespace        the data-plane namespace every rendered object goes into
 * @param serverImage      the transfer server image (also runs the topology agent)
 * @param imagePullSecrets Secrets in the data-plane namespace the kubelet uses to pull {@code serverImage}
 *                         from a private registry; empty when it is public or already on the nodes
 * @param adminClients     CIDR blocks that may read the transfer pods' /metrics and /status (the operator's
 *                         pods, Prometheus); empty: everyone (the server's default)
 */
public record RenderSettings(String namespace, String serverImage, List<String> imagePullSecrets, List<String> adminClients) {

    public RenderSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serverImage, "serverImage");
        imagePullSecrets = imagePullSecrets == null ? List.of() : imagePullSecrets.stream().sorted().distinct().toList();
        adminClients = adminClients == null ? List.of() : List.copyOf(adminClients);
    }

    public RenderSettings(String namespace, String serverImage) {
        this(namespace, serverImage, List.of(), List.of());
    }

    public RenderSettings(String namespace, String serverImage, List<String> imagePullSecrets) {
        this(namespace, serverImage, imagePullSecrets, List.of());
    }

    /** For a pod spec's imagePullSecrets. */
    public List<io.fabric8.kubernetes.api.model.LocalObjectReference> pullSecretReferences() {
        return imagePullSecrets.stream().map(io.fabric8.kubernetes.api.model.LocalObjectReference::new).toList();
    }
}
