package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.CommandSpec;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** HELP [verb]: 214 with the verbs the table knows, or one verb's help text; 502 unknown verb. */
public final class Help implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String verb = argument.strip().toUpperCase(Locale.ROOT);
        if (!verb.isEmpty()) {
            CommandSpec spec = session.services().commands().get(verb);
            if (spec == null) {
                throw new FtpException(502, "Unknown command " + verb);
            }
            return FtpReply.of(214, spec.help());
        }
        List<String> verbs = session.services().commands().all().stream().map(CommandSpec::verb).sorted().toList();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < verbs.size(); i += 8) {
            StringBuilder row = new StringBuilder();
            for (String v : verbs.subList(i, Math.min(verbs.size(), i + 8))) {
                row.append(' ').append(String.format("%-5s", v));
            }
            rows.add(row.toString());
        }
        return FtpReply.multi(214, "The following commands are recognized:", rows, "Help OK");
    }
}
