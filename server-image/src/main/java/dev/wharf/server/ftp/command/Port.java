package dev.wharf.server.ftp.command;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * PORT h1,h2,h3,h4,p1,p2: 200; 501 syntax; 504 bounce (port < 1024; another address than the client's
 * unless the session may do third-party transfers, {@link #thirdPartyAllowed}).
 */
public final class Port implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String[] parts = argument.strip().split(",");
        if (parts.length != 6) {
            throw new FtpException(501, "PORT needs h1,h2,h3,h4,p1,p2");
        }
        byte[] ip = new byte[4];
        int[] p = new int[2];
        try {
            for (int i = 0; i < 6; i++) {
                int v = Integer.parseInt(parts[i].strip());
                if (v < 0 || v > 255) {
                    throw new NumberFormatException();
                }
                if (i < 4) {
                    ip[i] = (byte) v;
                } else {
                    p[i - 4] = v;
                }
            }
            return activate(session, new InetSocketAddress(InetAddress.getByAddress(ip), p[0] * 256 + p[1]));
        } catch (NumberFormatException | UnknownHostException e) {
            throw new FtpException(501, "PORT needs h1,h2,h3,h4,p1,p2");
        }
    }

    /** The FTP bounce rule (RFC 2577) for PORT and EPRT, then the active endpoint. */
    static Outcome activate(FtpSession session, InetSocketAddress target) throws FtpException {
        if (session.epsvAll()) {
            throw new FtpException(503, "PORT/EPRT not allowed after EPSV ALL");
        }
        InetAddress client = session.client().getAddress();
        if (target.getPort() < 1024) {
            throw new FtpException(504, "Refused: data connections go only to a port >= 1024");
        }
        if (!sameHost(target.getAddress(), client) && !thirdPartyAllowed(session)) {
            throw new FtpException(504, "Refused: data connections go only to your own address");
        }
        session.dataEndpoint(session.services().dataChannels().connectTo(target, session.dataSocketBuffer()));
        return FtpReply.of(200, "PORT command successful");
    }

    /**
     * Whether this session may move data to or from a host other than itself (a third-party transfer
     * between two servers): GSI sessions always (the grid's way of copying; with DCAU the data channel is
     * authenticated), password and anonymous sessions when {@code ftp.allow-third-party} is on.
     */
    static boolean thirdPartyAllowed(FtpSession session) {
        Identity who = session.identity();
        return who != null && (who.method() == Identity.Method.GSI || session.settings().allowThirdParty());
    }

    private static boolean sameHost(InetAddress a, InetAddress b) {
        return a.equals(b) || java.util.Arrays.equals(v4(a), v4(b));
    }

    private static byte[] v4(InetAddress a) {
        byte[] raw = a.getAddress();
        if (raw.length == 16 && raw[10] == (byte) 0xff && raw[11] == (byte) 0xff) {
            return java.util.Arrays.copyOfRange(raw, 12, 16);
        }
        return raw;
    }
}
