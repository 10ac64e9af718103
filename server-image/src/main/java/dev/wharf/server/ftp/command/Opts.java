package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OPTS UTF8 ON|OFF (paths are always UTF-8; FileZilla sends it), OPTS MLST f1;f2; (RFC 3659 §7.9:
 * unknown facts are dropped; the reply lists the facts now enabled) and OPTS HASH [algorithm]
 * (draft-bryan-ftpext-hash), and the options a door adds (GridFTP: OPTS RETR, given the text after the
 * option name). 501 otherwise.
 */
public final class Opts implements FtpCommand {

    private final Map<String, FtpCommand> added;

    public Opts() {
        this(Map.of());
    }

    /** @param added option name (upper case) → its command, which gets the option's value */
    public Opts(Map<String, FtpCommand> added) {
        this.added = Map.copyOf(added);
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String arg = argument.strip();
        int space = arg.indexOf(' ');
        String option = (space < 0 ? arg : arg.substring(0, space)).toUpperCase(Locale.ROOT);
        String value = space < 0 ? "" : arg.substring(space + 1).strip();
        switch (option) {
            case "UTF8", "UTF-8" -> {
                return FtpReply.of(200, "UTF8 mode is always on");
            }
            case "HASH" -> {
                return Hash.options(session, value);
            }
            case "MLST" -> {
                Set<String> requested = new java.util.HashSet<>();
                for (String fact : value.split(";")) {
                    requested.add(fact.strip().toLowerCase(Locale.ROOT));
                }
                Set<String> enabled = new LinkedHashSet<>();
                for (String known : FtpSession.MLST_FACTS) {
                    if (requested.contains(known.toLowerCase(Locale.ROOT))) {
                        enabled.add(known);
                    }
                }
                session.mlstFacts(enabled);
                StringBuilder s = new StringBuilder("MLST OPTS ");
                enabled.forEach(f -> s.append(f).append(';'));
                return FtpReply.of(200, s.toString());
            }
            default -> {
                FtpCommand more = added.get(option);
                if (more == null) {
                    throw new FtpException(501, "Option not understood: " + option);
                }
                return more.execute(session, value);
            }
        }
    }
}
