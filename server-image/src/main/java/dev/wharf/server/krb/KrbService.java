package dev.wharf.server.krb;

import com.sun.security.auth.module.Krb5LoginModule;
import dev.wharf.server.config.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KeyTab;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Kerberos doors share, built once at start from {@link KrbSettings}: the JDK's Kerberos
 * configuration, the keytab, one acceptor credential per service principal, and the principal map (re-read
 * when it changes). Hands out one {@link KrbAcceptor} per authentication.
 *
 * <p>The JDK reads one krb5.conf per process ({@code java.security.krb5.conf}) and caches it. A Wharf server is
 * one process, so {@code krb.config} sets that property and asks the JDK to read the file again through its
 * own {@link Krb5LoginModule} ({@code refreshKrb5Config}) — used here without any JAAS configuration file,
 * only to put the keytab into a {@link Subject}. The keytab is a live {@link KeyTab}: the JDK reads the file
 * on every login, so a rotated keytab takes effect without a restart.
 */
public final class KrbService {

    private static final Logger LOG = LoggerFactory.getLogger(KrbService.class);
    public static final String KRB5_CONF_PROPERTY = "java.security.krb5.conf";
    static final Oid KRB5_MECHANISM = oid("1.2.840.113554.1.2.2");
    static final Oid KRB5_PRINCIPAL_NAME = oid("1.2.840.113554.1.2.2.1");

    private final KrbSettings settings;
    private final Subject subject;
    private final String defaultRealm;
    private final String ftpPrincipal;
    private final Map<String, GSSCredential> credentials = new ConcurrentHashMap<>();
    private volatile PrincipalMap map;
    private volatile FileTime mapTime;

    private KrbService(KrbSettings settings) {
        this.settings = settings;
        settings.krb5Conf().ifPresent(KrbService::useConfig);
        this.subject = keytabSubject(settings.keytab());
        this.defaultRealm = configuredRealm();
        this.ftpPrincipal = ServicePrincipals.ftp(settings.servicePrincipal().orElse(null), localHost(), defaultRealm);
        this.map = settings.principalMap().map(p -> loadMap(p)).orElse(PrincipalMap.defaultRule(defaultRealm));
        LOG.info("Kerberos: realm {}, keytab {}, principal map {}", defaultRealm, settings.keytab(),
                settings.principalMap().map(Path::toString).orElse("none (only user@" + defaultRealm + ")"));
    }

    /** Reads krb5.conf, the keytab and the principal map; a missing or broken one stops start-up. */
    public static KrbService start(KrbSettings settings) {
        return new KrbService(settings);
    }

    /** The FTP door's service principal ({@code krb.service-principal}). */
    public String ftpPrincipal() {
        return ftpPrincipal;
    }

    /** The dCap door's: {@code host/} with the FTP principal's instance and realm. */
    public String dcapPrincipal() {
        return ServicePrincipals.dcap(ftpPrincipal);
    }

    public String defaultRealm() {
        return defaultRealm;
    }

    /**
     * Checks that the keytab holds a key for {@code principal} and prepares its acceptor credential; a door
     * calls it at start so a missing key stops the server instead of failing every login.
     */
    public void requireKey(String principal) {
        KerberosPrincipal p = new KerberosPrincipal(principal, KerberosPrincipal.KRB_NT_SRV_HST);
        if (KeyTab.getInstance(p, settings.keytab().toFile()).getKeys(p).length == 0) {
            throw new ConfigException("krb.keytab " + settings.keytab() + " has no key for " + principal
                    + " (kadmin: ktadd -k <keytab> " + principal + ")");
        }
        credential(principal);
    }

    /** A fresh acceptor for one client, accepting tickets for {@code principal}. */
    public KrbAcceptor newAcceptor(String principal) {
        try {
            return new KrbAcceptor(GSSManager.getInstance().createContext(credential(principal)));
        } catch (GSSException e) {
            throw new IllegalStateException("cannot start a Kerberos context: " + e.getMessage(), e);
        }
    }

    /** The principal map as of now (re-read if the file changed). */
    public PrincipalMap principalMap() {
        settings.principalMap().ifPresent(path -> {
            try {
                if (!Files.getLastModifiedTime(path).equals(mapTime)) {
                    map = loadMap(path);
                }
            } catch (IOException | ConfigException e) {
                LOG.warn("keeping the previous Kerberos principal map: {}", e.getMessage());
            }
        });
        return map;
    }

    private synchronized PrincipalMap loadMap(Path path) {
        try {
            FileTime time = Files.getLastModifiedTime(path);
            PrincipalMap loaded = PrincipalMap.load(path, defaultRealm);
            mapTime = time;
            return loaded;
        } catch (IOException e) {
            throw new ConfigException("cannot read krb.principal-map " + path + ": " + e.getMessage(), e);
        }
    }

    private GSSCredential credential(String principal) {
        return credentials.computeIfAbsent(principal, p -> {
            try {
                PrivilegedExceptionAction<GSSCredential> create = () -> {
                    GSSManager manager = GSSManager.getInstance();
                    GSSName name = manager.createName(p, KRB5_PRINCIPAL_NAME);
                    return manager.createCredential(name, GSSCredential.INDEFINITE_LIFETIME, KRB5_MECHANISM,
                            GSSCredential.ACCEPT_ONLY);
                };
                return Subject.doAs(subject, create);
            } catch (PrivilegedActionException e) {
                throw new ConfigException("no Kerberos acceptor credential for " + p + " in " + settings.keytab() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        });
    }

    private static void useConfig(Path krb5Conf) {
        if (!Files.isReadable(krb5Conf)) {
            throw new ConfigException("krb.config " + krb5Conf + " is not a readable file");
        }
        String previous = System.getProperty(KRB5_CONF_PROPERTY);
        if (previous != null && !previous.equals(krb5Conf.toString())) {
            LOG.warn("Kerberos: {} was {}; now {} (the JDK holds one krb5.conf per process)", KRB5_CONF_PROPERTY,
                    previous, krb5Conf);
        }
        System.setProperty(KRB5_CONF_PROPERTY, krb5Conf.toString());
    }

    /** A subject holding the keytab, made by the JDK's login module so it also re-reads krb5.conf. */
    private static Subject keytabSubject(Path keytab) {
        if (!Files.isReadable(keytab)) {
            throw new ConfigException("krb.keytab " + keytab + " is not a readable file");
        }
        Subject subject = new Subject();
        Krb5LoginModule module = new Krb5LoginModule();
        module.initialize(subject, null, Map.of(), Map.of(
                "useKeyTab", "true", "keyTab", keytab.toString(), "storeKey", "true", "isInitiator", "false",
                "principal", "*", "doNotPrompt", "true", "refreshKrb5Config", "true"));
        try {
            module.login();
            module.commit();
        } catch (LoginException e) {
            throw new ConfigException("cannot use krb.keytab " + keytab + ": " + e.getMessage(), e);
        }
        return subject;
    }

    private static String configuredRealm() {
        try {
            return new KerberosPrincipal("wharf").getRealm();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Kerberos: no default_realm in krb5.conf (krb.config, else "
                    + Optional.ofNullable(System.getProperty(KRB5_CONF_PROPERTY)).orElse("/etc/krb5.conf") + "): "
                    + e.getMessage(), e);
        }
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            throw new ConfigException("cannot find this machine's host name for the default krb.service-principal;"
                    + " set krb.service-principal", e);
        }
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
