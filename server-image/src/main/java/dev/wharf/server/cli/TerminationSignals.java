package dev.wharf.server.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start an orderly stop instead of the JVM's shutdown. With the JVM's own handler the
 * process always ends with status 143 (130 for SIGINT) and every shutdown hook races the exit; handled
 * here, the server drains (transfers finish, idle sessions get 421), {@code main} returns and the process
 * exits 0, which is what a Kubernetes pod's termination expects of a clean stop.
 */
final class TerminationSignals {

    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);

    private TerminationSignals() {
    }

    /** Runs {@code stop} on a new thread at the first SIGTERM or SIGINT; later signals are only logged. */
    static void install(Runnable stop) {
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stopping.compareAndSet(false, true)) {
                        LOG.info("SIG{} received: stopping", signal.getName());
                        Thread t = new Thread(stop, "wharf-stop");
                        t.setDaemon(false);
                        t.start();
                    } else {
                        LOG.info("SIG{} received: already stopping", signal.getName());
                    }
                });
            } catch (IllegalArgumentException unavailable) {
                // e.g. SIGINT when the JVM runs with -Xrs: the JVM's own handling (the shutdown hook) stays
                LOG.debug("cannot handle SIG{}: {}", name, unavailable.getMessage());
            }
        }
    }
}
