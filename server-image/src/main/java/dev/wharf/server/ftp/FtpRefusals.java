package dev.wharf.server.ftp;

import dev.wharf.server.net.DoorWords;
import dev.wharf.server.net.Refusal;

/** What the FTP doors answer when the connection policy turns a client away: {@code 421} (RFC 959). */
final class FtpRefusals implements DoorWords {

    @Override
    public String refusal(Refusal reason) {
        String text = switch (reason) {
            case LIMIT -> "Too many connections, try again later";
            case PER_ADDRESS -> "Too many connections from your address";
            case UNAUTHENTICATED -> "Too many connections waiting to log in, try again later";
            case SUBNET -> "Service not available for your address";
            case LOGIN_GRACE -> "Login time exceeded, closing control connection";
            // A proxy that sent no or a bad header would pass our words to its client as the greeting.
            case UNTRUSTED_PROXY, NO_PROXY_HEADER, BAD_PROXY_HEADER -> null;
        };
        return text == null ? null : "421 " + text + "\r\n";
    }
}
