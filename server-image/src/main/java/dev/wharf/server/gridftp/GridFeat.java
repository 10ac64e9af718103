package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.MlsxFacts;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.command.Feat;
import java.util.ArrayList;
import java.util.List;

/**
 * FEAT on the gsiftp door: the table's features (AUTH GSSAPI, PBSZ, PROT, REST STREAM, SIZE, CKSM, HASH,
 * SBUF...). Only what works is listed: globus-url-copy tries what FEAT offers (DCAU, PARALLEL...).
 */
final class GridFeat implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) {
        List<String> lines = new ArrayList<>();
        for (String f : session.services().commands().features()) {
            lines.add(" " + Feat.line(session, f));
        }
        lines.add(" " + MlsxFacts.feature(session.mlstFacts()));
        lines.add(" UTF8");
        return FtpReply.multi(211, "Extensions supported:", lines, "End");
    }
}
