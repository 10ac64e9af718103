package dev.wharf.server.krb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ietf.jgss.GSSException;
import org.junit.jupiter.api.Test;

/** The JDK's Kerberos refusals as the phrases the door replies with (texts as JDK 17 words them). */
class KrbFailuresTest {

    static GSSException jdk(String mechanismText) {
        return new GSSException(GSSException.FAILURE, -1, mechanismText);
    }

    @Test
    void theKerberosCodeAtTheEndOfTheMechanismTextNamesTheCause() {
        assertEquals("clock skew too great between client and server", KrbFailures.describe(jdk("Clock skew too great (37)")));
        assertEquals("replayed authenticator", KrbFailures.describe(jdk("Request is a replay (34)")));
        assertEquals("ticket expired", KrbFailures.describe(jdk("Ticket expired (32)")));
        assertEquals("ticket not yet valid", KrbFailures.describe(jdk("Ticket not yet valid (33)")));
        assertEquals(KrbFailures.describe(jdk("Checksum failed")),
                KrbFailures.describe(jdk("Specified version of key is not available (44)")));
    }

    @Test
    void anUnknownCauseKeepsTheJdkText() {
        GSSException other = jdk("Something else (99)");
        assertEquals(other.getMessage(), KrbFailures.describe(other));
    }
}
