package dev.wharf.server.gridftp;

import dev.wharf.server.data.DataProtection;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.gridftp.dcau.Dcau;
import dev.wharf.server.gridftp.dcau.GsiDataProtection;
import dev.wharf.server.gsi.DelegatedCredential;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gssftp.GssSession;
import dev.wharf.server.gssftp.ProtectionLevel;
import java.util.Objects;
import java.util.Optional;

/**
 * A gsiftp session's DCAU setting (default A once GSSAPI authenticated the control channel, GFD.20; N
 * otherwise). {@link #protection} turns it and the session's PROT level ({@link GssSession}) into the
 * {@link DataProtection} every data channel of the next transfers gets; it is rebuilt only when a setting or
 * the credential changes (building one costs a TLS context).
 */
final class DataSecurity {

    private Dcau dcau; // null: the default
    private GsiDataProtection built;
    private Object builtCredential;

    static DataSecurity of(FtpSession session) {
        return session.extension(DataSecurity.class, DataSecurity::new);
    }

    Dcau dcau(GssSession gss) {
        if (dcau != null) {
            return dcau;
        }
        return gss.established() ? Dcau.SELF : Dcau.NONE;
    }

    void dcau(Dcau value) {
        this.dcau = value;
    }

    /**
     * The protection for the next data channels. Our credential: the proxy the client delegated, else the
     * host credential (then a Globus peer checking "self" will refuse it, as it would refuse GCT's).
     */
    DataProtection protection(GsiService gsi, GssSession gss) {
        Dcau d = dcau(gss);
        GsiAcceptor acceptor = gss.context(GsiAcceptor.class);
        if (!d.authenticates() || acceptor == null || !gss.established()) {
            return DataProtection.CLEAR;
        }
        String expected = d.kind() == Dcau.Kind.SUBJECT ? d.subject() : acceptor.principal();
        Optional<DelegatedCredential> delegated = acceptor.delegatedCredential();
        Object credential = delegated.isPresent() ? delegated.get() : gsi.hostCredential();
        ProtectionLevel level = gss.level();
        if (built == null || builtCredential != credential || built.level() != level
                || !Objects.equals(built.expectedPeer(), expected)) {
            built = delegated.isPresent()
                    ? new GsiDataProtection(delegated.get().key(), delegated.get().chain(), gsi.validator(), expected, level,
                            gsi.settings().tlsProtocols())
                    : new GsiDataProtection(gsi.hostCredential().key(), gsi.hostCredential().chain(), gsi.validator(), expected,
                            level, gsi.settings().tlsProtocols());
            builtCredential = credential;
        }
        return built;
    }
}
