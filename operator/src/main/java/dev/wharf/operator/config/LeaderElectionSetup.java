package dev.wharf.operator.config;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Turns leader election on: QOSDK picks up this bean in the profiles listed by
 * {@code quarkus.operator-sdk.activate-leader-election-for-profiles} (prod). The Lease lives in the
 * operator's own namespace; a replica that loses it stops reconciling.
 */
@ApplicationScoped
public class LeaderElectionSetup {

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(WharfSettings settings) {
        return new LeaderElectionConfiguration(settings.leaderElection().leaseName());
    }
}
