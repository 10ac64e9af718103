package dev.wharf.server.ftp.command;

import dev.wharf.server.auth.LoginService.UserPrompt;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/** USER name: 331 (send password) or 530 (refused). A new USER restarts the login. */
public final class User implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String name) throws FtpException {
        if (name.isBlank()) {
            throw new FtpException(501, "USER needs a user name");
        }
        if (session.settings().requireTls() && !session.tlsControl()) {
            throw new FtpException(530, "TLS is required: use AUTH TLS first");
        }
        UserPrompt prompt = session.services().context().logins().user(name);
        session.userGiven(name, prompt.anonymous());
        if (!prompt.acceptable()) {
            session.userGiven(null, false);
            return FtpReply.of(530, prompt.message());
        }
        return FtpReply.of(331, prompt.message());
    }
}
