package dev.wharf.server.ftp.command;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.AclAdmin;
import dev.wharf.server.acl.AclPrincipal;
import dev.wharf.server.acl.AclRenderer;
import dev.wharf.server.acl.AclTextParser;
import dev.wharf.server.acl.PrincipalSyntax;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * SITE SETACL dir LEVEL PRINCIPAL: gives PRINCIPAL the LEVEL in dir's ACL (200). dir may be quoted;
 * PRINCIPAL is the rest of the line (a DN may contain spaces here) or a quoted principal. Needs admin
 * on dir. 501 bad arguments; 530 before login; 550 not admin, not a directory, malformed ACL.
 */
public final class SiteSetAcl implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        SiteAcl.requireLogin(session);
        String usage = "SITE SETACL needs a directory, a level (none, read, list, write, admin) and a principal";
        String rest = argument.strip();
        AccessLevel level;
        AclPrincipal principal;
        String dirArgument;
        try {
            PrincipalSyntax.Token dirToken = PrincipalSyntax.read(rest, 0, "");
            dirArgument = dirToken.value();
            rest = rest.substring(dirToken.end()).strip();
            int space = rest.indexOf(' ');
            if (dirArgument.isEmpty() || space < 0) {
                throw new FtpException(501, usage);
            }
            level = AclTextParser.level(rest.substring(0, space));
            String who = rest.substring(space + 1).strip();
            if (who.startsWith("\"")) {
                PrincipalSyntax.Token token = PrincipalSyntax.read(who, 0, "");
                if (token.end() != who.length()) {
                    throw new FtpException(501, "text after the quoted principal");
                }
                who = token.value();
            }
            principal = AclPrincipal.of(who);
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, e.getMessage());
        }
        String dir = session.resolve(dirArgument);
        SiteAcl.authorise(session, dir);
        try {
            SiteAcl.admin().set(SiteAcl.policy(session), session.identity(), session.storage().aclRoot(),
                    dir, level, principal);
        } catch (AclAdmin.Failure e) {
            throw SiteAcl.reply(e);
        }
        return FtpReply.of(200, "SITE SETACL " + dir + ": " + AclRenderer.line(level, principal));
    }
}
