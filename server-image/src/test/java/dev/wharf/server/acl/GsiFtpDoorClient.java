package dev.wharf.server.acl;

import dev.wharf.server.gridftp.GsiFtpControl;
import dev.wharf.server.gsi.ChainValidator;
import dev.wharf.server.gsi.TestPki.Credential;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * gsiftp with the Java GSS initiator (GsiFtpControl): a DN session, every command ENC-wrapped,
 * stream-mode transfers over PASV data connections; the same commands as {@link FtpDoorClient}.
 */
final class GsiFtpDoorClient implements DoorClient {

    private final GsiFtpControl control;

    private GsiFtpDoorClient(GsiFtpControl control) {
        this.control = control;
    }

    static GsiFtpDoorClient login(int port, Credential user, ChainValidator validator) throws Exception {
        return over(GsiFtpControl.login(port, user, validator));
    }

    /** A session on a control that already logged in (gsiftp, or krbftp with a Kerberos initiator). */
    static GsiFtpDoorClient over(GsiFtpControl control) throws Exception {
        expectCode(200, control.command("TYPE I"));
        // Clear data channels whatever the door's DCAU default becomes (500 where DCAU is unknown).
        control.command("DCAU N");
        return new GsiFtpDoorClient(control);
    }

    private static void expectCode(int code, String reply) {
        if (GsiFtpControl.code(reply) != code) {
            throw new AssertionError("expected " + code + ": " + reply);
        }
    }

    private boolean completes(String line) throws Exception {
        int code = GsiFtpControl.code(control.command(line));
        return code >= 200 && code < 300;
    }

    @Override
    public Outcome attempt(Step s) throws Exception {
        String path = s.path();
        boolean done = switch (s.operation()) {
            case READ_FILE -> transfer("RETR " + path, false);
            case STAT -> completes("MLST " + path);
            case CHANGE_DIRECTORY -> {
                boolean ok = completes("CWD " + path);
                completes("CWD /");
                yield ok;
            }
            case LIST_DIRECTORY -> transfer("MLSD " + path, false);
            case CREATE_FILE, OVERWRITE_FILE -> transfer("STOR " + path, true);
            case APPEND_FILE -> transfer("APPE " + path, true);
            case DELETE_FILE -> completes("DELE " + path);
            case MAKE_DIRECTORY -> completes("MKD " + path);
            case REMOVE_DIRECTORY -> completes("RMD " + path);
            case RENAME -> GsiFtpControl.code(control.command("RNFR " + path)) == 350 && completes("RNTO " + s.target());
            case CHANGE_MODE -> completes("SITE CHMOD 644 " + path);
            case ADMINISTER_ACL -> completes("SITE GETACL " + path);
        };
        return DoorClient.of(done);
    }

    @Override
    public List<String> listNames(String dir) throws Exception {
        try (Socket data = control.passive()) {
            String reply = control.command("MLSD " + dir);
            if (!reply.startsWith("150") && !reply.startsWith("125")) {
                return null;
            }
            String text;
            try (InputStream in = data.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String end = control.reply();
            if (!end.startsWith("226")) {
                throw new AssertionError("MLSD " + dir + " ended " + end);
            }
            return text.lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        }
    }

    /** PASV, the command, and on 150 the data (sent or drained) and the final reply. */
    private boolean transfer(String line, boolean upload) throws Exception {
        try (Socket data = control.passive()) {
            String reply = control.command(line);
            if (!reply.startsWith("150") && !reply.startsWith("125")) {
                return false;
            }
            if (upload) {
                try (OutputStream out = data.getOutputStream()) {
                    out.write("data\n".getBytes());
                }
            } else {
                try (InputStream in = data.getInputStream()) {
                    in.readAllBytes();
                }
            }
            return control.reply().startsWith("226");
        }
    }

    @Override
    public void close() throws Exception {
        control.close();
    }
}
