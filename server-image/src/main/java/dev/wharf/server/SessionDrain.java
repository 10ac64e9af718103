package dev.wharf.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks every door to drain and waits, at most the grace period, until their sessions have ended. */
final class SessionDrain {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDrain.class);

    private SessionDrain() {
    }

    static void await(List<Door> doors, Duration grace) {
        List<CompletableFuture<Void>> sessions = new ArrayList<>();
        for (Door door : doors) {
            try {
                sessions.add(door.drain());
            } catch (RuntimeException e) {
                LOG.warn("door {} could not drain; its sessions will be closed", door.name(), e);
            }
        }
        try {
            CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new)).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("every session has ended");
        } catch (TimeoutException e) {
            LOG.warn("transfers still running after the grace period of {} s (shutdown.grace-period); closing them",
                    grace.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn("draining failed; closing the remaining sessions", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while draining; closing the remaining sessions");
        }
    }
}
