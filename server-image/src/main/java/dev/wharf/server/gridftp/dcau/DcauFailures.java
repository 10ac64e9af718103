package dev.wharf.server.gridftp.dcau;

import dev.wharf.server.data.DataAuthenticationException;
import dev.wharf.server.gsi.CertificateRejectedException;
import java.nio.channels.ClosedChannelException;

/** Turns what broke a DCAU handshake into the one sentence the transfer's reply and log line carry. */
final class DcauFailures {

    private DcauFailures() {}

    static DataAuthenticationException describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DataAuthenticationException d) {
                return d;
            }
            if (t instanceof ExpectedPeerTrustManager.PeerMismatchException m) {
                return new DataAuthenticationException("DCAU: " + m.getMessage(), cause);
            }
            if (t instanceof CertificateRejectedException r) {
                return new DataAuthenticationException("DCAU: data connection peer refused: " + r, cause);
            }
            if (t instanceof ClosedChannelException) {
                return new DataAuthenticationException(
                        "DCAU: the peer closed the data connection during the GSI handshake (did it refuse our credential?)", cause);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new DataAuthenticationException("DCAU: GSI handshake on the data connection failed: " + cause, cause);
    }
}
