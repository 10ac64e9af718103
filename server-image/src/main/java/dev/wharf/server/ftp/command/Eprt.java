package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** EPRT |af|addr|port| (RFC 2428): 200; 522 unknown family; 501 syntax; 504 bounce. */
public final class Eprt implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String arg = argument.strip();
        if (arg.length() < 7) {
            throw new FtpException(501, "EPRT needs |af|address|port|");
        }
        String d = arg.substring(0, 1);
        String[] parts = arg.substring(1).split(java.util.regex.Pattern.quote(d), -1);
        if (parts.length != 4 || !parts[3].isEmpty()) {
            throw new FtpException(501, "EPRT needs |af|address|port|");
        }
        if (!parts[0].equals("1") && !parts[0].equals("2")) {
            throw new FtpException(522, "Network protocol not supported, use (1,2)");
        }
        byte[] raw = NetUtil.createByteArrayFromIpAddressString(parts[1]);
        if (raw == null || (raw.length == 4) != parts[0].equals("1")) {
            throw new FtpException(501, "EPRT: bad address " + parts[1]);
        }
        int port;
        try {
            port = Integer.parseInt(parts[2]);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return Port.activate(session, new InetSocketAddress(InetAddress.getByAddress(raw), port));
        } catch (NumberFormatException | java.net.UnknownHostException e) {
            throw new FtpException(501, "EPRT: bad port " + parts[2]);
        }
    }
}
