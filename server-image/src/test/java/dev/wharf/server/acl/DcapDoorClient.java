package dev.wharf.server.acl;

import dev.wharf.server.dcap.DataRequest;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * dCap as libdcap speaks it, over a raw socket: control lines {@code <sid> 0 client <verb> "dcap://door<path>"},
 * passive data connections with the challenge, READ/WRITE/CLOSE blocks. A refusal must be
 * {@code failed ... EACCES}; any other failure is an error of the test, not a denial. Listings are
 * {@code opendir} read over a passive data connection. dCap has no CWD, append or ACL command:
 * those operations are {@link Outcome#NOT_EXPRESSIBLE}.
 */
final class DcapDoorClient implements DoorClient {

    /** The control conversation's transport: plain lines, or lines inside the gsidcap tunnel. */
    interface Lines extends AutoCloseable {
        void send(String line) throws Exception;

        String receive() throws Exception;

        @Override
        void close() throws IOException;
    }

    private final Lines control;
    private long session = 1;

    DcapDoorClient(Lines control) throws Exception {
        this.control = control;
        control.send("0 0 client hello 0 0 2 47 14 \"\" -uid=1000 -pid=1 -gid=1000");
        String welcome = control.receive();
        if (welcome == null || !welcome.startsWith("0 0 server welcome")) {
            throw new IOException("no dCap welcome: " + welcome);
        }
    }

    /** A plain (anonymous) dCap session. */
    static DcapDoorClient plain(int port) throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(15_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        return new DcapDoorClient(new Lines() {
            @Override
            public void send(String line) throws IOException {
                out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }

            @Override
            public String receive() throws IOException {
                return in.readLine();
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        });
    }

    private static String url(String path) {
        return "\"dcap://door" + path + "\"";
    }

    private String ask(long sid, String request) throws Exception {
        control.send(sid + " 0 client " + request);
        String reply = control.receive();
        if (reply == null) {
            throw new IOException("dCap door closed the connection after: " + request);
        }
        return reply;
    }

    /** ok/stat → ALLOWED; EACCES → DENIED; anything else fails the test. */
    private Outcome answer(String request) throws Exception {
        long sid = session++;
        String reply = ask(sid, request);
        String head = sid + " 0 client ";
        if (reply.equals(head + "ok") || reply.startsWith(head + "stat ")) {
            return Outcome.ALLOWED;
        }
        if (reply.startsWith(head + "failed ") && reply.endsWith(" EACCES")) {
            return Outcome.DENIED;
        }
        throw new AssertionError("dCap '" + request + "' answered neither ok nor EACCES: " + reply);
    }

    @Override
    public Outcome attempt(Step s) throws Exception {
        String path = s.path();
        return switch (s.operation()) {
            case READ_FILE -> open(path, false);
            case STAT -> answer("stat " + url(path));
            case CREATE_FILE, OVERWRITE_FILE -> open(path, true);
            case DELETE_FILE -> answer("unlink " + url(path));
            case MAKE_DIRECTORY -> answer("mkdir " + url(path) + " -mode=493");
            case REMOVE_DIRECTORY -> answer("rmdir " + url(path));
            case RENAME -> answer("rename " + url(path) + " " + s.target());
            case CHANGE_MODE -> answer("chmod " + url(path) + " -mode=420");
            case LIST_DIRECTORY -> listNames(path) != null ? Outcome.ALLOWED : Outcome.DENIED;
            case CHANGE_DIRECTORY, APPEND_FILE, ADMINISTER_ACL -> Outcome.NOT_EXPRESSIBLE;
        };
    }

    /**
     * {@code opendir -passive}: READ the listing ({@code <id>:<d|f>:<size>:<name>} lines) until a READ
     * finds the end, then close the data connection as dc_closedir does. Null when refused (EACCES).
     */
    @Override
    public List<String> listNames(String dir) throws Exception {
        long sid = session++;
        String reply = ask(sid, "opendir " + url(dir) + " -passive -timeout=10");
        String[] t = reply.split(" ");
        if (t.length >= 4 && t[3].equals("failed") && reply.endsWith(" EACCES")) {
            return null;
        }
        if (t.length < 7 || !t[3].equals("connect")) {
            throw new AssertionError("dCap opendir " + dir + ": " + reply);
        }
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        try (Socket data = connect(sid, t)) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            while (true) {
                o.writeInt(12);
                o.writeInt(DataRequest.READ);
                o.writeLong(4096);
                status(i, DataRequest.ACK, DataRequest.READ);
                byte[] chunk = drain(i);
                status(i, DataRequest.FIN, DataRequest.READ);
                if (chunk.length == 0) {
                    break;
                }
                listing.write(chunk);
            }
        }
        String done = control.receive();
        if (!(sid + " 0 client ok").equals(done)) {
            throw new AssertionError("dCap opendir " + dir + " did not end ok: " + done);
        }
        List<String> names = new ArrayList<>();
        for (String line : listing.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                names.add(line.split(":", 4)[3]);
            }
        }
        return names;
    }

    /** Connects to the passive data port of a {@code connect} reply and sends the session id and challenge. */
    private static Socket connect(long sid, String[] connectReply) throws IOException {
        Socket data = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(connectReply[5]));
        data.setSoTimeout(15_000);
        DataOutputStream o = new DataOutputStream(data.getOutputStream());
        byte[] challenge = connectReply[6].getBytes(StandardCharsets.US_ASCII);
        o.writeInt((int) sid);
        o.writeInt(challenge.length);
        o.write(challenge);
        return data;
    }

    /** open r|w -passive; on connect, the data channel: READ everything or WRITE five bytes, then CLOSE. */
    private Outcome open(String path, boolean write) throws Exception {
        long sid = session++;
        String reply = ask(sid, "open " + url(path) + (write ? " w -mode=0644 -truncate" : " r") + " -passive -timeout=10");
        String[] t = reply.split(" ");
        if (t.length >= 4 && t[3].equals("failed") && reply.endsWith(" EACCES")) {
            return Outcome.DENIED;
        }
        if (t.length < 7 || !t[3].equals("connect")) {
            throw new AssertionError("dCap open " + path + ": " + reply);
        }
        try (Socket data = connect(sid, t)) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            if (write) {
                o.writeInt(4);
                o.writeInt(DataRequest.WRITE);
                status(i, DataRequest.ACK, DataRequest.WRITE);
                o.writeInt(4);
                o.writeInt(DataRequest.DATA);
                o.writeInt(5);
                o.write("data\n".getBytes(StandardCharsets.US_ASCII));
                o.writeInt(-1);
                status(i, DataRequest.FIN, DataRequest.WRITE);
            } else {
                o.writeInt(12);
                o.writeInt(DataRequest.READ);
                o.writeLong(1 << 20);
                status(i, DataRequest.ACK, DataRequest.READ);
                drain(i);
                status(i, DataRequest.FIN, DataRequest.READ);
            }
            o.writeInt(4);
            o.writeInt(DataRequest.CLOSE);
            status(i, DataRequest.ACK, DataRequest.CLOSE);
        }
        String done = control.receive();
        if (!(sid + " 0 client ok").equals(done)) {
            throw new AssertionError("dCap transfer of " + path + " did not end ok: " + done);
        }
        return Outcome.ALLOWED;
    }

    private static void status(DataInputStream in, int kind, int command) throws IOException {
        int length = in.readInt();
        int gotKind = in.readInt();
        int gotCommand = in.readInt();
        int rc = in.readInt();
        if (gotKind != kind || gotCommand != command || rc != 0) {
            throw new AssertionError("dCap data status " + gotKind + "/" + gotCommand + " rc " + rc
                    + ", expected " + kind + "/" + command);
        }
        in.skipBytes(length - 12);
    }

    private static byte[] drain(DataInputStream in) throws IOException {
        if (in.readInt() != 4 || in.readInt() != DataRequest.DATA) {
            throw new AssertionError("no DATA header");
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        for (int n = in.readInt(); n != -1; n = in.readInt()) {
            got.write(in.readNBytes(n));
        }
        return got.toByteArray();
    }

    @Override
    public void close() throws Exception {
        control.close();
    }
}
