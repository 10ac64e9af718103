package dev.wharf.operator.config;

import dev.wharf.operator.render.RenderSettings;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The operator's own settings (prefix {@code wharf.}); each key is documented in docs/operator.md. */
@ConfigMapping(prefix = "wharf")
public interface WharfSettings {

    /** Operator-owned namespace, labelled pod-security {@code privileged}, where transfer pods run. */
    @WithDefault("wharf-data")
    String dataPlaneNamespace();

    /** Image of the transfer server (also runs the topology agent's {@code topology} command). */
    String serverImage();

    /**
     * Secrets in the data-plane namespace holding registry credentials for {@link #serverImage()}; every
     * transfer pod and topology agent lists them as imagePullSecrets.
     */
    Optional<List<String>> imagePullSecrets();

    /**
     * CIDR blocks that may read the transfer pods' {@code /metrics} and {@code /status}: the operator's own
     * pods (it reads {@code /status} for the pinned CPUs) and Prometheus. The default covers the private
     * ranges pod networks use; narrow it to the cluster's pod CIDR. Never the clients' networks.
     */
    @WithDefault("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,fc00::/7")
    List<String> adminClients();

    /** What the renderers need of these settings. */
    default RenderSettings renderSettings() {
        return new RenderSettings(dataPlaneNamespace(), serverImage(), imagePullSecrets().orElse(List.of()), adminClients());
    }

    /** How rendered objects are written to the API server. */
    @WithDefault("server-side")
    ApplyStrategy applyStrategy();

    /** Longest time between two reconciliations of the same resource when no event arrives. */
    @WithDefault("5m")
    Duration resyncPeriod();

    LeaderElection leaderElection();

    interface LeaderElection {
        /** Name of the {@code coordination.k8s.io} Lease in the operator's own namespace. */
        @WithDefault("wharf-operator-lease")
        String leaseName();
    }

    enum ApplyStrategy {
        /** Server-side apply with field manager {@code wharf-operator}; the production choice. */
        SERVER_SIDE,
        /** Read, compare, create or update; for API servers without server-side apply. */
        UPDATE
    }
}
