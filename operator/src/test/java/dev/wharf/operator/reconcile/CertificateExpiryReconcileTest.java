package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.validate.PemCheck;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Certificates expire by themselves: reported days before and after, never a pod removed. A fake clock moves time. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class CertificateExpiryReconcileTest extends FreshNamespaceReconcileTest {

    @Test
    void anExpiringThenExpiredCertificateIsReportedAndTheServerKeepsRunning() {
        Instant notAfter = PemCheck.parsed(Fixtures.pem("host.crt")).get(0).getNotAfter().toInstant();
        MovableClock clock = new MovableClock(notAfter.minus(Duration.ofDays(40)));
        QuarkusMock.installMockForType(clock, Clock.class);

        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        TransferServer ts = client.resource(Fixtures.server(ns, "cert", poolName, "tls")).create();
        TransferServer fine = awaitStatus("cert", s -> !s.getStatus().credentials.isEmpty());
        assertEquals(notAfter.toString(), fine.getStatus().credentials.get(0).notAfter);
        assertEquals("tls", fine.getStatus().credentials.get(0).secret);
        assertEquals("False", TransferServerReconcilerTest.condition(fine, "Degraded").orElseThrow().getStatus());
        client.resource(TransferServerReconcilerTest.readyPod(ts, "cert-0", "node-a.example")).create();
        awaitStatus("cert", s -> "1/1".equals(s.getStatus().ready));
        int objects = owned(ts).size();

        clock.set(notAfter.minus(Duration.ofDays(5)));
        touch("tls");
        TransferServer expiring = awaitDegraded("cert", "CertificateExpiring");
        assertTrue(TransferServerReconcilerTest.condition(expiring, "Degraded").orElseThrow().getMessage().contains("in 4 days")
                || TransferServerReconcilerTest.condition(expiring, "Degraded").orElseThrow().getMessage().contains("in 5 days"));
        assertEquals("True", TransferServerReconcilerTest.condition(expiring, "Ready").orElseThrow().getStatus());
        await().atMost(Duration.ofSeconds(10)).until(() -> warnings("CertificateExpiring"));

        clock.set(notAfter.plus(Duration.ofDays(1)));
        touch("tls");
        TransferServer expired = awaitDegraded("cert", "CertificateExpired");
        assertEquals("True", TransferServerReconcilerTest.condition(expired, "Ready").orElseThrow().getStatus(), "the pod still runs");
        await().atMost(Duration.ofSeconds(10)).until(() -> warnings("CertificateExpired"));
        assertEquals(objects, owned(ts).size(), "nothing removed");
        assertTrue(client.pods().inNamespace(DATA_PLANE).withName("cert-0").get() != null);
    }

    /** A change to the Secret that leaves the certificate as it is: the reconciler looks again. */
    private void touch(String secret) {
        client.resources(Secret.class).inNamespace(ns).withName(secret).edit(s -> {
            s.getMetadata().setLabels(Map.of("touched", String.valueOf(System.nanoTime())));
            return s;
        });
    }

    private boolean warnings(String reason) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()));
    }

    private TransferServer awaitDegraded(String name, String reason) {
        return awaitStatus(name, s -> TransferServerReconcilerTest.condition(s, "Degraded")
                .map(c -> "True".equals(c.getStatus()) && reason.equals(c.getReason())).orElse(false));
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
