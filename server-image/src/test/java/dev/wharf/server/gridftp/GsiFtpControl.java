package dev.wharf.server.gridftp;

import static dev.wharf.server.ftp.RawFtp.expect;

import dev.wharf.server.ftp.RawFtp;
import dev.wharf.server.gsi.ChainValidator;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiInitiator;
import dev.wharf.server.krb.GssInitiator;
import dev.wharf.server.gsi.GsiTls;
import dev.wharf.server.gsi.GsiTrustManager;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.gsi.TestPki.Credential;
import dev.wharf.server.gsi.TestPki.ProxyKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gsiftp control connection driven the way globus-url-copy drives it, for tests of other areas
 * (the ACL door matrix): AUTH GSSAPI, the ADAT exchange with the Java GSS initiator, then every
 * command ENC-wrapped and every 632 reply unwrapped; login with {@code :globus-mapping:}.
 */
public final class GsiFtpControl implements AutoCloseable {

    private final RawFtp ftp;
    private final GssInitiator initiator;

    /** A control connection about to authenticate with {@code initiator} (see {@link #authenticate}). */
    public GsiFtpControl(RawFtp ftp, GsiInitiator initiator) {
        this(ftp, GssInitiator.of(initiator));
    }

    /** The same with any GSS mechanism's initiator (Kerberos: krbftp). */
    public GsiFtpControl(RawFtp ftp, GssInitiator initiator) {
        this.ftp = ftp;
        this.initiator = initiator;
    }

    /** The Java GSS initiator for {@code c}, delegating a limited proxy when the server asks. */
    public static GsiInitiator initiator(Credential c, ChainValidator validator) throws Exception {
        GsiInitiator.ProxySigner signer = key -> TestPki.signProxy(c, key, ProxyKind.RFC_LIMITED, -1,
                Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofHours(1)));
        return new GsiInitiator(GsiTls.clientEngine(GsiTls.context(c.key(), c.chain(), new GsiTrustManager(validator)),
                List.of("TLSv1.3")), validator, GsiAcceptor.Mode.GSI, signer);
    }

    /** Connects, authenticates a proxy of {@code user} and logs in with {@code :globus-mapping:}. */
    public static GsiFtpControl login(int port, Credential user, ChainValidator validator) throws Exception {
        Credential proxy = TestPki.proxy(user, ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1));
        RawFtp ftp = new RawFtp(port);
        GsiFtpControl control = new GsiFtpControl(ftp, initiator(proxy, validator));
        try {
            expect(220, ftp.reply());
            expect(235, control.authenticate());
            expect(331, control.command("USER :globus-mapping:"));
            expect(230, control.command("PASS dummy"));
            return control;
        } catch (Exception | AssertionError e) {
            ftp.close();
            throw e;
        }
    }

    /** AUTH GSSAPI and the ADAT exchange; returns the final (clear) reply: 235 or 535. */
    public String authenticate() throws Exception {
        expect(334, ftp.command("AUTH GSSAPI"));
        byte[] token = initiator.initToken(new byte[0]);
        for (int i = 0; i < 10; i++) {
            String reply = ftp.command("ADAT " + ProtectedMessages.encodeToken(token));
            if (!reply.startsWith("335 ADAT=")) {
                if (reply.startsWith("235 ADAT=")) {
                    byte[] last = ProtectedMessages.decodeToken(reply.substring(9));
                    if (!initiator.isEstablished()) {
                        initiator.initToken(last);
                    } else {
                        initiator.unwrap(last);
                    }
                }
                return reply;
            }
            token = initiator.initToken(ProtectedMessages.decodeToken(reply.substring(9)));
        }
        throw new AssertionError("no context after 10 ADATs");
    }

    /** Sends {@code line} in ENC and returns the unwrapped reply text (all 632 parts). */
    public String command(String line) throws Exception {
        ftp.send("ENC " + ProtectedMessages.encodeToken(initiator.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8))));
        return reply();
    }

    /** The next reply, unwrapped (after a transfer's 150, the 226 or 4xx/5xx that ends it). */
    public String reply() throws Exception {
        String wire = ftp.reply();
        if (wire == null) {
            throw new IOException("the server closed the control connection");
        }
        StringBuilder text = new StringBuilder();
        for (String part : wire.split("\n")) {
            if (!part.startsWith("632")) {
                throw new AssertionError("not an ENC reply: " + part);
            }
            text.append(new String(initiator.unwrap(ProtectedMessages.decodeToken(part.substring(4).strip())),
                    StandardCharsets.UTF_8));
        }
        return text.toString().strip();
    }

    /** The reply code of a text {@link #command} returned. */
    public static int code(String reply) {
        return Integer.parseInt(reply.substring(0, 3));
    }

    /** PASV (wrapped), then connects to the advertised port on 127.0.0.1. */
    public Socket passive() throws Exception {
        String reply = command("PASV");
        Matcher m = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)").matcher(reply);
        if (!reply.startsWith("227") || !m.find()) {
            throw new AssertionError("PASV: " + reply);
        }
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6))), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    @Override
    public void close() throws IOException {
        ftp.close();
    }
}
