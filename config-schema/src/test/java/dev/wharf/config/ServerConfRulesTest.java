package dev.wharf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules between keys, each with the line of the key it blames, as the operator's checks see a file. */
class ServerConfRulesTest {

    private static List<String> problems(String... lines) {
        return ServerConfLines.problems(ServerConfLines.parse(List.of(lines), "t.conf"), "t.conf");
    }

    @Test
    void theReserveMustLeaveASlotForLoggingIn() {
        assertEquals(List.of("t.conf:2: limits.reserved-for-authenticated = 10 must be less than limits.clients (10), so a"
                + " connection that has not logged in yet can still get a slot"),
                problems("limits.clients = 10", "limits.reserved-for-authenticated = 10"));
        assertEquals(List.of("t.conf:1: limits.reserved-for-authenticated = 100 must be less than limits.clients (100), so a"
                + " connection that has not logged in yet can still get a slot"),
                problems("limits.reserved-for-authenticated = 100"), "against the declared default of limits.clients");
        assertEquals(List.of(), problems("limits.clients = 10", "limits.reserved-for-authenticated = 9"));
    }

    @Test
    void proxyHeadersAreBelievedOnlyFromListedProxies() {
        assertEquals(List.of("t.conf:2: net.proxy-trusted must list the CIDRs of your proxies when net.proxy-protocol is"
                + " true (e.g. net.proxy-trusted = 10.0.0.5/32); otherwise any peer could claim any client address"),
                problems("# behind haproxy", "net.proxy-protocol = true"));
        assertEquals(List.of(), problems("net.proxy-protocol = true", "net.proxy-trusted = 10.0.0.5/32"));
    }

    @Test
    void theLongestDelayIsAtLeastTheFirst() {
        assertEquals(List.of("t.conf:2: auth.failure-delay-max-ms = 500 must be at least auth.failure-delay-ms (1000)"),
                problems("auth.failure-delay-ms = 1000", "auth.failure-delay-max-ms = 500"));
        assertEquals(List.of(), problems("auth.failure-delay-ms = 9000"), "an unset maximum follows the delay");
    }

    @Test
    void switchesNeedWhatTheyServe() {
        assertEquals(List.of("t.conf:1: anonymous.enabled = true needs anonymous.root (the read-only anonymous area)"),
                problems("anonymous.enabled = true"));
        assertEquals(List.of("t.conf:1: dcap.enabled = true needs dcap.root or storage.root (the directory dCap sessions"
                + " are jailed in)"), problems("dcap.enabled = yes"));
        assertEquals(List.of(), problems("gsidcap.enabled = true", "storage.root = /data"));
        assertEquals(List.of("t.conf:2: tls.certificate and tls.key must be set together (only tls.key is set)"),
                problems("# tls", "tls.key = /k.pem"));
    }

    @Test
    void theAnonymousAccountNameIsAUserName() {
        assertEquals(List.of("t.conf:1: anonymous.user 'ftp user' is not a valid user name (1 to 256 of A-Z a-z 0-9 . _ @ + -)"),
                problems("anonymous.user = ftp user"));
    }

    @Test
    void rulesWaitUntilEveryValueIsWellFormed() {
        assertEquals(List.of("t.conf:1: limits.clients must be a whole number in 1..1000000, got 'ten'"),
                problems("limits.clients = ten", "limits.reserved-for-authenticated = 100"));
    }
}
