package dev.wharf.operator.render;

import java.util.Objects;

/**
 * The operator settings the renderers need (from {@code WharfSettings}).
 *
 * @param namespace   the data-plane namespace every rendered object goes into
 * @param serverImage the transfer server image (also runs the topology agent)
 */
public record RenderSettings(String namespace, String serverImage) {

    public RenderSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serverImage, "serverImage");
    }
}
