package dev.wharf.server.krb;

import com.sun.security.auth.module.Krb5LoginModule;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;

/**
 * The JDK's Kerberos 5 initiator for the in-JVM test clients: the TGT from a credential cache {@code kinit}
 * filled (the JVM reads the {@link TestKdc}'s krb5.conf, which the server under test made current), a
 * service ticket for {@code service@localhost} from the KDC, mutual authentication and replay detection as
 * curl and libgssTunnel ask.
 */
public final class KrbInitiator implements GssInitiator {

    private final Subject subject;
    private final GSSContext context;

    private KrbInitiator(Subject subject, GSSContext context) {
        this.subject = subject;
        this.context = context;
    }

    /** For {@code principal} (full name) with the tickets in {@code ccache}, towards {@code service@localhost}. */
    public static KrbInitiator of(String principal, Path ccache, String service) throws Exception {
        Subject subject = new Subject();
        Krb5LoginModule login = new Krb5LoginModule();
        login.initialize(subject, null, Map.of(), Map.of("useTicketCache", "true", "ticketCache", ccache.toString(),
                "principal", principal, "doNotPrompt", "true"));
        login.login();
        login.commit();
        Oid krb5 = new Oid("1.2.840.113554.1.2.2");
        PrivilegedExceptionAction<GSSContext> create = () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSName target = manager.createName(service + "@localhost", GSSName.NT_HOSTBASED_SERVICE);
            GSSContext c = manager.createContext(target, krb5, null, GSSContext.DEFAULT_LIFETIME);
            c.requestMutualAuth(true);
            c.requestReplayDet(true);
            return c;
        };
        return new KrbInitiator(subject, Subject.doAs(subject, create));
    }

    @Override
    public byte[] initToken(byte[] token) throws Exception {
        PrivilegedExceptionAction<byte[]> step = () -> context.initSecContext(token, 0, token.length);
        byte[] out = Subject.doAs(subject, step);
        return out == null ? new byte[0] : out;
    }

    @Override
    public boolean isEstablished() {
        return context.isEstablished();
    }

    @Override
    public byte[] wrap(byte[] plain) throws Exception {
        return wrap(plain, true);
    }

    /** gss_wrap, encrypted or integrity-only. */
    public byte[] wrap(byte[] plain, boolean confidential) throws Exception {
        return context.wrap(plain, 0, plain.length, new MessageProp(0, confidential));
    }

    @Override
    public byte[] unwrap(byte[] token) throws Exception {
        return context.unwrap(token, 0, token.length, new MessageProp(0, false));
    }
}
