package dev.wharf.server.gridftp;

import dev.wharf.server.gsi.ChainValidator;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiInitiator;
import dev.wharf.server.gsi.GsiTls;
import dev.wharf.server.gsi.GsiTrustManager;
import dev.wharf.server.gsi.TestPki.Credential;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The client's end of a DCAU data connection, as Globus runs it: a GSI handshake straight on the TCP
 * stream with the side that connected as initiator; PROT C then clear data after the flag byte, PROT P a
 * plain TLS connection. {@link Connection#serverIdentity()} is who the server authenticated as.
 */
final class DcauTestPeer {

    private static final List<String> PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

    private DcauTestPeer() {}

    record Connection(Socket socket, InputStream in, OutputStream out, String serverIdentity) implements AutoCloseable {
        byte[] readAll() throws IOException {
            return in.readAllBytes();
        }

        /** Sends {@code data} and ends the stream (close_notify on TLS). */
        void sendAndClose(byte[] data) throws IOException {
            out.write(data);
            out.flush();
            socket.close();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** On a connection we made (passive mode): we are the GSS initiator. */
    static Connection connect(Socket socket, Credential credential, ChainValidator validator, boolean privateLevel)
            throws Exception {
        socket.setSoTimeout(10_000);
        SSLContext context = GsiTls.context(credential.key(), credential.chain(), new GsiTrustManager(validator));
        if (privateLevel) {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
            tls.setUseClientMode(true);
            return handshake(tls, validator);
        }
        GsiInitiator initiator = new GsiInitiator(GsiTls.clientEngine(context, PROTOCOLS), validator, GsiAcceptor.Mode.GSI, null);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write(initiator.initToken(new byte[0]));
        while (!initiator.isEstablished()) {
            out.write(initiator.initToken(readRecord(in)));
        }
        out.flush();
        return new Connection(socket, in, out, initiator.peer().orElseThrow().principal());
    }

    /** The server connects (active mode): we are the GSS acceptor. */
    static Connection accept(ServerSocket listener, Credential credential, ChainValidator validator, boolean privateLevel)
            throws Exception {
        Socket socket = listener.accept();
        socket.setSoTimeout(10_000);
        SSLContext context = GsiTls.context(credential.key(), credential.chain(), new GsiTrustManager(validator));
        if (privateLevel) {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, (InputStream) null, true);
            tls.setUseClientMode(false);
            tls.setNeedClientAuth(true);
            return handshake(tls, validator);
        }
        GsiAcceptor acceptor = new GsiAcceptor(GsiTls.serverEngine(context, PROTOCOLS), validator, GsiAcceptor.Mode.GSI);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        while (!acceptor.isEstablished()) {
            out.write(acceptor.accept(readRecord(in)));
        }
        out.flush();
        return new Connection(socket, in, out, acceptor.principal());
    }

    private static Connection handshake(SSLSocket tls, ChainValidator validator) throws Exception {
        tls.setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
        tls.setSoTimeout(10_000);
        tls.startHandshake();
        X509Certificate[] chain = Arrays.copyOf(tls.getSession().getPeerCertificates(),
                tls.getSession().getPeerCertificates().length, X509Certificate[].class);
        return new Connection(tls, tls.getInputStream(), tls.getOutputStream(), validator.validate(chain).principal());
    }

    /** One whole TLS record (header included): the GSS token unit on a data channel. */
    private static byte[] readRecord(DataInputStream in) throws IOException {
        byte[] header = new byte[5];
        in.readFully(header);
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        byte[] record = Arrays.copyOf(header, 5 + length);
        in.readFully(record, 5, length);
        return record;
    }
}
