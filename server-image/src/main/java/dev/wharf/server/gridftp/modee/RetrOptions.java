package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/**
 * OPTS RETR key=value;... (the FTP door's OPTS hands it the text after RETR): {@code Parallelism=start,min,max;}
 * sets how many streams the server opens when it sends (the start value; more than
 * limits.streams-per-client: 501), {@code markers=n;} the marker period in seconds; StripeLayout,
 * BlockSize and the like are accepted and ignored.
 */
final class RetrOptions implements FtpCommand {

    private final ModeESettings settings;

    RetrOptions(ModeESettings settings) {
        this.settings = settings;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isBlank()) {
            throw new FtpException(501, "OPTS RETR needs key=value; pairs");
        }
        int parallelism = -1;
        int markers = -1;
        for (String pair : argument.split(";")) {
            int eq = pair.indexOf('=');
            if (pair.isBlank()) {
                continue;
            }
            if (eq < 0) {
                throw new FtpException(501, "OPTS RETR needs key=value; pairs, got '" + pair.strip() + "'");
            }
            String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1).strip();
            if (key.equals("parallelism")) {
                parallelism = number(value.split(",")[0], "Parallelism");
                if (parallelism > settings.maxStreams()) {
                    throw new FtpException(501, "Parallelism " + parallelism + " is more than the " + settings.maxStreams()
                            + " streams allowed per client (limits.streams-per-client)");
                }
            } else if (key.equals("markers")) {
                markers = number(value, "markers");
            }
        }
        ModeEState state = ModeEState.of(session);
        if (parallelism > 0) {
            state.parallelism(parallelism);
        }
        if (markers > 0) {
            state.markerSeconds(markers);
        }
        return FtpReply.of(200, "OPTS Command Successful.");
    }

    private static int number(String text, String what) throws FtpException {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new FtpException(501, "OPTS RETR: " + what + " must be a positive number, got '" + text.strip() + "'");
        }
    }
}
