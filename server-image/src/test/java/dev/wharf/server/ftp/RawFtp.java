package dev.wharf.server.ftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A control connection driven line by line, for checks a full client library hides (reply order, bytes). */
public final class RawFtp implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    public RawFtp(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one whole reply (multi-line replies up to their end line); null at end of stream. */
    public String reply() throws IOException {
        String first = in.readLine();
        if (first == null) {
            return null;
        }
        if (first.length() >= 4 && first.charAt(3) == '-') {
            StringBuilder all = new StringBuilder(first);
            String end = first.substring(0, 3) + " ";
            String line;
            while ((line = in.readLine()) != null) {
                all.append('\n').append(line);
                if (line.startsWith(end)) {
                    break;
                }
            }
            return all.toString();
        }
        return first;
    }

    public int code() throws IOException {
        String r = reply();
        return r == null ? -1 : Integer.parseInt(r.substring(0, 3));
    }

    public String command(String line) throws IOException {
        send(line);
        return reply();
    }

    public void login() throws IOException {
        expect(220, reply());
        expect(331, command("USER " + FtpTestServer.USER));
        expect(230, command("PASS " + FtpTestServer.PASSWORD));
    }

    /** PASV, then connects to the advertised address. */
    public Socket passive() throws IOException {
        String r = command("PASV");
        expect(227, r);
        Matcher m = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)").matcher(r);
        if (!m.find()) {
            throw new IOException("bad PASV reply " + r);
        }
        String host = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
        int port = Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
        Socket data = new Socket();
        data.connect(new InetSocketAddress(host, port), 5000);
        data.setSoTimeout(10_000);
        return data;
    }

    public static void expect(int code, String reply) {
        if (reply == null || !reply.startsWith(String.valueOf(code))) {
            throw new AssertionError("expected " + code + " but got: " + reply);
        }
    }

    public boolean closedByServer() {
        try {
            return in.readLine() == null;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
