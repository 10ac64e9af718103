package dev.wharf.server.krb;

import dev.wharf.server.PerClassFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A real MIT KDC (Debian {@code krb5-kdc}) on loopback for one test class: realm {@link #REALM} in the
 * class's temp dir with its own kdc.conf and krb5.conf ({@code KRB5_KDC_PROFILE}, {@code KRB5_CONFIG}), a
 * kernel-chosen port, the service principals {@code ftp/localhost} and {@code host/localhost} (plus
 * {@code host/<name>} for the name 127.0.0.1 resolves back to, the one libgssTunnel asks for) in a server
 * keytab, and users {@link #ALICE} and {@link #CAROL_ADMIN} with passwords. Clients get a krb5.conf that never
 * asks DNS ({@code rdns = false}, {@code dns_canonicalize_hostname = false}), so {@code ftp@localhost} stays
 * {@code ftp/localhost@WHARF.TEST}. A missing program fails the class: Kerberos tests are in the interop layer.
 */
public final class TestKdc extends PerClassFixture {

    public static final String REALM = "WHARF.TEST";
    public static final String ALICE = "alice";
    public static final String ALICE_PASSWORD = "alice-s3cret";
    /** Two components: the default-realm rule does not map it. */
    public static final String CAROL_ADMIN = "carol/admin";
    public static final String CAROL_PASSWORD = "carol-s3cret";
    public static final String FTP_PRINCIPAL = "ftp/localhost@" + REALM;

    private Path dir;
    private Process kdc;
    private int port;

    public TestKdc(Supplier<Path> directory) {
        super(directory);
    }

    @Override
    protected void start(Path base) throws Exception {
        dir = Files.createDirectories(base.resolve("kdc"));
        port = freePort();
        Files.writeString(kdcConf(), """
                [kdcdefaults]
                 kdc_listen = 127.0.0.1:%1$d
                 kdc_tcp_listen = 127.0.0.1:%1$d
                [realms]
                 %2$s = {
                  database_name = %3$s/principal
                  key_stash_file = %3$s/stash
                  acl_file = %3$s/kadm5.acl
                  max_life = 1h
                  max_renewable_life = 0
                 }
                [logging]
                 kdc = FILE:%3$s/kdc.log
                """.formatted(port, REALM, dir));
        Files.writeString(krb5Conf(), """
                [libdefaults]
                 default_realm = %2$s
                 dns_lookup_kdc = false
                 dns_lookup_realm = false
                 rdns = false
                 dns_canonicalize_hostname = false
                 udp_preference_limit = 1
                [realms]
                 %2$s = {
                  kdc = 127.0.0.1:%1$d
                 }
                [domain_realm]
                 localhost = %2$s
                """.formatted(port, REALM));
        run(null, "kdb5_util", "create", "-s", "-r", REALM, "-P", "master-" + System.nanoTime());
        addUser(ALICE, ALICE_PASSWORD);
        addUser(CAROL_ADMIN, CAROL_PASSWORD);
        List<String> services = new ArrayList<>(List.of("ftp/localhost", "host/localhost"));
        String reverse = InetAddress.getByName("127.0.0.1").getCanonicalHostName();
        if (!reverse.equals("localhost") && !reverse.equals("127.0.0.1")) {
            services.add("host/" + reverse);
        }
        for (String service : services) {
            kadmin("addprinc -randkey " + service);
        }
        kadmin("ktadd -k " + keytab() + " " + String.join(" ", services));
        ProcessBuilder daemon = new ProcessBuilder("krb5kdc", "-n", "-r", REALM)
                .redirectErrorStream(true).redirectOutput(dir.resolve("krb5kdc.out").toFile()).directory(dir.toFile());
        daemon.environment().putAll(adminEnv());
        kdc = daemon.start();
        kdc.getOutputStream().close();
        awaitListening();
    }

    @Override
    protected void stop() {
        if (kdc != null) {
            kdc.destroy();
            try {
                if (!kdc.waitFor(5, TimeUnit.SECONDS)) {
                    kdc.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The krb5.conf clients and the server's JDK read. */
    public Path krb5Conf() {
        return dir.resolve("krb5.conf");
    }

    private Path kdcConf() {
        return dir.resolve("kdc.conf");
    }

    /** The server's keytab: every service principal. */
    public Path keytab() {
        return dir.resolve("server.keytab");
    }

    public Path directory() {
        return dir;
    }

    /** The server.conf keys of the Kerberos doors for this realm. */
    public Map<String, String> serverKeys() {
        return Map.of("krb.keytab", keytab().toString(), "krb.config", krb5Conf().toString(),
                "krb.service-principal", FTP_PRINCIPAL);
    }

    /** The environment a Kerberos client needs: this realm's krb5.conf and the credential cache {@code ccache}. */
    public Map<String, String> clientEnv(Path ccache) {
        Map<String, String> env = new HashMap<>();
        env.put("KRB5_CONFIG", krb5Conf().toString());
        env.put("KRB5CCNAME", "FILE:" + ccache);
        return env;
    }

    /** {@code kinit} with a password into {@code ccache}; {@code options} go before the principal. */
    public void kinit(String user, String password, Path ccache, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("kinit"));
        command.addAll(Arrays.asList(options));
        command.add(user + "@" + REALM);
        run(password + "\n", clientEnv(ccache), command.toArray(String[]::new));
    }

    /** A {@code kadmin.local} query against this realm's database ({@code cpw -randkey ...}, {@code ktadd ...}). */
    public void kadmin(String query) throws Exception {
        run(null, "kadmin.local", "-r", REALM, "-q", query);
    }

    private void addUser(String name, String password) throws Exception {
        kadmin("addprinc -pw " + password + " " + name);
    }

    private String run(String input, String... command) throws Exception {
        return run(input, adminEnv(), command);
    }

    private Map<String, String> adminEnv() {
        return Map.of("KRB5_CONFIG", krb5Conf().toString(), "KRB5_KDC_PROFILE", kdcConf().toString());
    }

    /** Runs {@code command} with {@code env}, feeding {@code input}; a failure fails the test with its output. */
    public String run(String input, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is not installed (bin/install-prerequisites installs krb5-kdc,"
                    + " krb5-admin-server and krb5-user): " + e.getMessage(), e);
        }
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!kdc.isAlive()) {
                throw new AssertionError("krb5kdc exited: " + Files.readString(dir.resolve("krb5kdc.out"))
                        + (Files.exists(dir.resolve("kdc.log")) ? Files.readString(dir.resolve("kdc.log")) : ""));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("krb5kdc did not listen on 127.0.0.1:" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
