package dev.wharf.server.gsi;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfiguredFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust anchors of an {@code X509_CERT_DIR}-layout directory: {@code <hash>.N} CA certificates (PEM
 * or DER), {@code <hash>.signing_policy} Globus signing policies, {@code <hash>.rN} CRLs; other files are
 * ignored. {@link #current()} reloads when the directory changed: at most once per check interval it
 * compares the names, sizes and modification times of the relevant files, which costs one directory
 * listing. A file that cannot be read is reported once per load and skipped (its CA is then untrusted,
 * or has no policy and signs nothing) rather than taking every other CA down with it.
 */
public final class TrustAnchorDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchorDirectory.class);
    private static final Pattern CA_FILE = Pattern.compile("[0-9a-f]{8}\\.[0-9]+");
    private static final Pattern CRL_FILE = Pattern.compile("[0-9a-f]{8}\\.r[0-9]+");
    private static final Pattern POLICY_FILE = Pattern.compile("([0-9a-f]{8})\\.signing_policy");

    private final Path dir;
    private final Clock clock;
    private final long checkIntervalMillis;
    private volatile TrustStore current;
    private volatile Map<String, String> fingerprint;
    private volatile long lastCheck;

    public TrustAnchorDirectory(Path dir, Clock clock, long checkIntervalMillis) {
        this.dir = dir;
        this.clock = clock;
        this.checkIntervalMillis = checkIntervalMillis;
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("gsi.cert-dir " + dir + " is not a directory");
        }
        this.fingerprint = fingerprint();
        this.current = load();
        this.lastCheck = clock.millis();
    }

    public TrustAnchorDirectory(Path dir) {
        this(dir, Clock.systemUTC(), 5_000);
    }

    public Path path() {
        return dir;
    }

    /** The current snapshot, reloaded first if the directory changed since the last check. */
    public TrustStore current() {
        long now = clock.millis();
        if (now - lastCheck >= checkIntervalMillis) {
            synchronized (this) {
                if (now - lastCheck >= checkIntervalMillis) {
                    lastCheck = now;
                    Map<String, String> latest = fingerprint();
                    if (!latest.equals(fingerprint)) {
                        fingerprint = latest;
                        current = load();
                        LOG.info("reloaded trust anchors from {}: {} CAs", dir, current.allCas().size());
                    }
                }
            }
        }
        return current;
    }

    private Map<String, String> fingerprint() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> relevant(p.getFileName().toString())).forEach(p -> {
                try {
                    out.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                } catch (IOException vanished) {
                    out.put(p.getFileName().toString(), "?");
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot list trust directory {}: {}", dir, e.getMessage());
        }
        return out;
    }

    private static boolean relevant(String name) {
        return CA_FILE.matcher(name).matches() || CRL_FILE.matcher(name).matches()
                || POLICY_FILE.matcher(name).matches();
    }

    private TrustStore load() {
        List<X509Certificate> cas = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        Map<String, SigningPolicy> policies = new HashMap<>();
        List<String> problems = new ArrayList<>();
        CertificateFactory factory = x509Factory();
        for (String name : fingerprint.keySet()) {
            Path file = dir.resolve(name);
            try {
                // regular files only, bounded: a FIFO or a huge file in the directory must not stall GSI
                byte[] content = ConfiguredFile.read(file, "gsi.cert-dir", ConfiguredFile.PEM_LIMIT);
                if (CA_FILE.matcher(name).matches()) {
                    for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(content))) {
                        cas.add((X509Certificate) c);
                    }
                } else if (CRL_FILE.matcher(name).matches()) {
                    for (CRL c : factory.generateCRLs(new ByteArrayInputStream(content))) {
                        crls.add((X509CRL) c);
                    }
                } else {
                    var m = POLICY_FILE.matcher(name);
                    if (m.matches()) {
                        policies.put(m.group(1), SigningPolicyParser.parse(
                                new String(content, StandardCharsets.UTF_8).lines().toList(), file.toString()));
                    }
                }
            } catch (java.security.GeneralSecurityException | ConfigException e) {
                String problem = file + ": " + e.getMessage();
                problems.add(problem);
                LOG.warn("trust directory: skipping {}", problem);
            }
        }
        return new TrustStore(cas, policies, crls, problems);
    }

    static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("no X.509 certificate factory", e);
        }
    }
}
