package dev.wharf.server.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MicrometerServerMetricsTest {

    private static void assertLine(String scrape, String line) {
        assertTrue(scrape.lines().anyMatch(l -> l.equals(line)), "missing '" + line + "' in:\n" + scrape);
    }

    @Test
    void doorsStartAtZeroSessions() {
        MicrometerServerMetrics metrics = new MicrometerServerMetrics();
        metrics.door("ftp");
        assertLine(metrics.scrape(), "wharf_sessions{door=\"ftp\"} 0.0");
    }

    @Test
    void sessionsLoginsBytesTransfersAndDenialsAreLabelledByDoor() {
        MicrometerServerMetrics metrics = new MicrometerServerMetrics();
        metrics.sessionOpened("ftp");
        metrics.sessionOpened("ftp");
        metrics.sessionOpened("ftps");
        metrics.sessionClosed("ftp");
        metrics.login("ftp", "success");
        metrics.login("ftp", "failure");
        metrics.login("ftp", "failure");
        metrics.loginThrottled("ftp", "disconnected");
        metrics.bytes("ftp", Direction.OUT, 1000);
        metrics.bytes("ftp", Direction.OUT, 24);
        metrics.bytes("ftps", Direction.IN, 7);
        metrics.bytes("ftps", Direction.IN, 0);
        metrics.transfer("ftp", Direction.OUT, "completed");
        metrics.transfer("ftp", Direction.IN, "aborted");
        metrics.accessDenied("ftp", "DELETE_FILE");

        String scrape = metrics.scrape();
        assertLine(scrape, "wharf_sessions{door=\"ftp\"} 1.0");
        assertLine(scrape, "wharf_sessions{door=\"ftps\"} 1.0");
        assertLine(scrape, "wharf_logins_total{door=\"ftp\",result=\"success\"} 1.0");
        assertLine(scrape, "wharf_logins_total{door=\"ftp\",result=\"failure\"} 2.0");
        assertLine(scrape, "wharf_logins_throttled_total{door=\"ftp\",reason=\"disconnected\"} 1.0");
        assertLine(scrape, "wharf_bytes_total{direction=\"out\",door=\"ftp\"} 1024.0");
        assertLine(scrape, "wharf_bytes_total{direction=\"in\",door=\"ftps\"} 7.0");
        assertLine(scrape, "wharf_transfers_total{direction=\"out\",door=\"ftp\",outcome=\"completed\"} 1.0");
        assertLine(scrape, "wharf_transfers_total{direction=\"in\",door=\"ftp\",outcome=\"aborted\"} 1.0");
        assertLine(scrape, "wharf_access_denied_total{door=\"ftp\",operation=\"DELETE_FILE\"} 1.0");
        assertTrue(scrape.contains("# TYPE wharf_transfers_total counter"), scrape);
        assertTrue(scrape.contains("jvm_memory_used_bytes"), "JVM meters are bound");
    }

    @Test
    void countersAreSafeUnderConcurrentCallers() throws Exception {
        MicrometerServerMetrics metrics = new MicrometerServerMetrics();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    metrics.bytes("ftp", Direction.IN, 1);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertLine(metrics.scrape(), "wharf_bytes_total{direction=\"in\",door=\"ftp\"} 40000.0");
    }
}
