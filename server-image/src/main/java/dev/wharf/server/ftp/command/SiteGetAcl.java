package dev.wharf.server.ftp.command;

import dev.wharf.server.acl.AclAdmin;
import dev.wharf.server.acl.AclEntry;
import dev.wharf.server.acl.AclRenderer;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * SITE GETACL [dir]: the entries of the ACL governing dir (default: the working directory), one per
 * line in the file's text form; 200. Needs admin on dir (docs/acl.md). 530 before login; 550 not
 * admin, not a directory, or the governing ACL is malformed.
 */
public final class SiteGetAcl implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        SiteAcl.requireLogin(session);
        String dir = argument.isBlank() ? session.cwd() : session.resolve(argument.strip());
        SiteAcl.authorise(session, dir);
        AclAdmin.View view;
        try {
            view = SiteAcl.admin().show(SiteAcl.policy(session), session.identity(), session.storage().aclRoot(), dir);
        } catch (AclAdmin.Failure e) {
            throw SiteAcl.reply(e);
        }
        List<String> lines = new ArrayList<>();
        for (AclEntry entry : view.entries()) {
            lines.add(AclRenderer.line(entry.level(), entry.principal()));
        }
        String first = view.governedBy() == null ? "No ACL governs " + dir + "; the server defaults apply"
                : view.governedBy().equals(dir) ? "ACL of " + dir
                : "ACL of " + dir + " (inherited from " + view.governedBy() + ")";
        return FtpReply.multi(200, first, lines, "End");
    }
}
