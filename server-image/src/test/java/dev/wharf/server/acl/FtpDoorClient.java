package dev.wharf.server.acl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;

/**
 * FTP and FTPS (explicit AUTH TLS, PROT P) through commons-net, every operation with the command a
 * real client sends: RETR, MLST, CWD, MLSD, STOR, APPE, DELE, MKD, RMD, RNFR/RNTO, SITE CHMOD,
 * SITE GETACL.
 */
final class FtpDoorClient implements DoorClient {

    private static final byte[] DATA = "data\n".getBytes();

    private final FTPClient c;

    private FtpDoorClient(FTPClient c) {
        this.c = c;
    }

    /** Logs in; with {@code tls}, AUTH TLS first and PROT P for every data connection. */
    static FtpDoorClient login(int port, String user, String password, boolean tls) throws IOException {
        FTPClient c;
        if (tls) {
            FTPSClient s = new FTPSClient("TLS", false);
            s.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
            c = s;
        } else {
            c = new FTPClient();
        }
        c.setDefaultTimeout(20_000);
        c.setDataTimeout(Duration.ofSeconds(20));
        c.connect("127.0.0.1", port);
        if (!c.login(user, password)) {
            String reply = c.getReplyString();
            c.disconnect();
            throw new IOException("login of " + user + " refused: " + reply);
        }
        if (c instanceof FTPSClient s) {
            s.execPBSZ(0);
            s.execPROT("P");
        }
        c.enterLocalPassiveMode();
        c.setSoTimeout(20_000);
        c.setFileType(FTP.BINARY_FILE_TYPE);
        return new FtpDoorClient(c);
    }

    String lastReply() {
        return c.getReplyString().strip();
    }

    @Override
    public Outcome attempt(Step s) throws IOException {
        String path = s.path();
        boolean done = switch (s.operation()) {
            case READ_FILE -> c.retrieveFile(path, OutputStream.nullOutputStream());
            case STAT -> FTPReply.isPositiveCompletion(c.sendCommand("MLST", path));
            case CHANGE_DIRECTORY -> {
                boolean ok = c.changeWorkingDirectory(path);
                c.changeWorkingDirectory("/");
                yield ok;
            }
            case LIST_DIRECTORY -> {
                c.mlistDir(path);
                yield FTPReply.isPositiveCompletion(c.getReplyCode());
            }
            case CREATE_FILE, OVERWRITE_FILE -> c.storeFile(path, new ByteArrayInputStream(DATA));
            case APPEND_FILE -> c.appendFile(path, new ByteArrayInputStream(DATA));
            case DELETE_FILE -> c.deleteFile(path);
            case MAKE_DIRECTORY -> c.makeDirectory(path);
            case REMOVE_DIRECTORY -> c.removeDirectory(path);
            case RENAME -> c.rename(path, s.target());
            case CHANGE_MODE -> c.sendSiteCommand("CHMOD 644 " + path);
            case ADMINISTER_ACL -> c.sendSiteCommand("GETACL " + path);
        };
        return DoorClient.of(done);
    }

    @Override
    public List<String> listNames(String dir) throws IOException {
        FTPFile[] files = c.mlistDir(dir);
        if (!FTPReply.isPositiveCompletion(c.getReplyCode())) {
            return null;
        }
        return Arrays.stream(files).map(FTPFile::getName).toList();
    }

    @Override
    public void close() throws IOException {
        if (c.isConnected()) {
            c.disconnect();
        }
    }
}
