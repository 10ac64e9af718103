package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.MlsxFacts;
import dev.wharf.server.ftp.Outcome;
import java.util.ArrayList;
import java.util.List;

/** FEAT (RFC 2389): 211 multi-line, one feature per line with a leading space; works before login. */
public final class Feat implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) {
        List<String> lines = new ArrayList<>();
        for (String f : session.services().commands().features()) {
            if (f.equals("AUTH TLS") && session.services().tls() == null) {
                continue;
            }
            lines.add(" " + line(session, f));
        }
        lines.add(" " + MlsxFacts.feature(session.mlstFacts()));
        lines.add(" UTF8");
        lines.add(" TVFS");
        return FtpReply.multi(211, "Extensions supported:", lines, "End");
    }

    /** The FEAT line of a table's {@code feature} as this session sees it (HASH marks its current algorithm). */
    public static String line(FtpSession session, String feature) {
        return feature.equals(Hash.FEATURE) ? Hash.featureLine(session) : feature;
    }
}
