package dev.wharf.operator.render.conf;

import dev.wharf.config.ServerConfSchema;
import dev.wharf.config.AccessLevel;
import dev.wharf.operator.api.AclDefaults;
import dev.wharf.operator.api.Anonymous;
import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.DoorOptions;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Kerberos;
import dev.wharf.operator.api.Pinning;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.ServerAcl;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.render.AnonymousArea;
import dev.wharf.operator.render.Layout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TransferServer + pool + allocated ports → server.conf, following docs/configuration.md (the contract
 * with the server). Keys the server already reads are always written, so the file says what runs; keys of
 * features still marked planned there are written only when the feature is used, because the server
 * refuses unknown keys.
 */
public final class ServerConfRenderer {

    /** Control and admin listeners bind every address of the node (host networking). */
    static final String ALL_ADDRESSES = "0.0.0.0";

    private ServerConfRenderer() {
    }

    /**
     * @param ts    the TransferServer (spec defaults are applied here too, for objects that never met the API server)
     * @param pool  its pool's spec
     * @param ports what {@code PortAllocator} gave it
     */
    public static ServerConf render(TransferServer ts, StoragePoolSpec pool, PortAllocationStatus ports) {
        TransferServerSpec spec = ts.getSpec();
        Map<String, String> k = new LinkedHashMap<>();
        DoorOptions opts = spec.doorOptions != null ? spec.doorOptions : new DoorOptions();
        Set<DoorType> doors = spec.doors.enabled().keySet();

        // Network
        k.put("control.interface", ALL_ADDRESSES);
        k.put("data.interface", pool.dataInterface.name);
        k.put("data.port-range", ports.data.toString());
        if (opts.allowedSubnets != null && !opts.allowedSubnets.isEmpty()) {
            k.put("net.allowed-subnets", String.join(",", opts.allowedSubnets));
        }
        k.put("net.proxy-protocol", bool(opts.proxyProtocol, "net.proxy-protocol"));
        if (opts.proxyTrusted != null && !opts.proxyTrusted.isEmpty()) {
            k.put("net.proxy-trusted", String.join(",", opts.proxyTrusted));
        }
        k.put("limits.clients", or(opts.clientLimit, "limits.clients"));
        k.put("limits.idle-timeout", or(opts.idleTimeoutSeconds, "limits.idle-timeout"));
        k.put("limits.streams-per-client", or(opts.streamsPerClient, "limits.streams-per-client"));

        // Storage and logins
        k.put("storage.root", Layout.STORAGE_ROOT);
        Authentication auth = spec.authentication != null ? spec.authentication : new Authentication();
        if (auth.passwordFile != null) {
            k.put("auth.password-file", Layout.credential(Layout.PASSWD));
        }
        k.put("auth.username-password", bool(auth.usernamePassword, "auth.username-password"));
        anonymous(k, spec, pool);
        k.put("transfer.overwrite", bool(opts.overwrite, "transfer.overwrite"));
        k.put("log.aborted-transfers", bool(opts.logAbortedTransfers, "log.aborted-transfers"));

        // FTP and FTPS doors (the server opens ftp unless told not to)
        k.put("ftp.enabled", String.valueOf(doors.contains(DoorType.FTP)));
        if (doors.contains(DoorType.FTP)) {
            k.put("ftp.port", String.valueOf(ports.doors.get(DoorType.FTP.specName())));
        }
        k.put("ftp.list-format", opts.listFormat != null ? opts.listFormat.value() : serverDefault("ftp.list-format"));
        k.put("ftps.enabled", String.valueOf(doors.contains(DoorType.FTPS)));
        if (doors.contains(DoorType.FTPS)) {
            k.put("ftps.port", String.valueOf(ports.doors.get(DoorType.FTPS.specName())));
        }
        if (auth.tlsSecret != null) {
            k.put("tls.certificate", Layout.credential(Layout.TLS_CERT));
            k.put("tls.key", Layout.credential(Layout.TLS_KEY));
        } else if (auth.hostCredentialSecret != null) {
            k.put("tls.certificate", Layout.credential(Layout.HOST_CERT));
            k.put("tls.key", Layout.credential(Layout.HOST_KEY));
        }

        // Admin endpoint and logging
        k.put("admin.interface", ALL_ADDRESSES);
        k.put("admin.port", String.valueOf(ports.admin));
        k.put("log.level", spec.logLevel != null ? spec.logLevel.value() : serverDefault("log.level"));

        // Access control: the pool decides, a server may ask for less (or up to the pool's policy.maxDefaultAcl)
        AclDefaults acl = pool.defaults != null && pool.defaults.acl != null ? pool.defaults.acl : new AclDefaults();
        ServerAcl own = spec.acl != null ? spec.acl : new ServerAcl();
        AccessLevel cap = pool.policyOrDefault().maxDefaultAclOrDefault();
        k.put("acl.enabled", bool(acl.enabled, "acl.enabled"));
        level(own.authenticated, acl.authenticated, serverLevel("acl.default.authenticated"), cap)
                .ifPresent(l -> k.put("acl.default.authenticated", l.value()));
        level(own.anonymous, acl.anonymous, serverLevel("acl.default.anonymous"), cap)
                .ifPresent(l -> k.put("acl.default.anonymous", l.value()));

        // GridFTP, dCap, Kerberos, SRM, GSI, threads: only when used (keeps a server's file short)
        for (DoorType door : doors) {
            if (door != DoorType.FTP && door != DoorType.FTPS) {
                k.put(door.configPrefix() + ".enabled", "true");
                k.put(door.configPrefix() + ".port", String.valueOf(ports.doors.get(door.specName())));
            }
        }
        if (doors.stream().anyMatch(DoorType::needsHostCredential)) {
            if (auth.hostCredentialSecret != null) {
                k.put("gsi.host-certificate", Layout.credential(Layout.HOST_CERT));
                k.put("gsi.host-key", Layout.credential(Layout.HOST_KEY));
            }
            if (auth.trustAnchorsSecret != null) {
                k.put("gsi.cert-dir", Layout.TRUST_ANCHORS_DIR);
            }
            if (auth.gridMapfile != null) {
                k.put("gsi.gridmap", Layout.credential(Layout.GRID_MAPFILE));
            }
        }
        if (doors.stream().anyMatch(DoorType::isKerberos) && auth.kerberos != null) {
            kerberos(k, auth.kerberos);
        }
        if (spec.pinning == Pinning.NONE) {
            k.put("threads.pinning", Pinning.NONE.value());
        }

        String header = "Rendered by the Wharf operator for TransferServer " + ts.getMetadata().getNamespace() + "/"
                + ts.getMetadata().getName() + " (pool " + spec.pool + ").\n"
                + "Do not edit: the operator overwrites it. Keys: docs/configuration.md";
        return new ServerConf(header, k);
    }

    /** The copied keytab, map and krb5.conf; the principal only when asked for (the server's default suits several nodes). */
    private static void kerberos(Map<String, String> k, Kerberos krb) {
        k.put("krb.keytab", Layout.credential(Layout.KEYTAB));
        if (krb.servicePrincipal != null) {
            k.put("krb.service-principal", krb.servicePrincipal);
        }
        if (krb.principalMap != null) {
            k.put("krb.principal-map", Layout.credential(Layout.PRINCIPAL_MAP));
        }
        if (krb.krb5Conf != null) {
            k.put("krb.config", Layout.credential(Layout.KRB5_CONF));
        }
    }

    private static void anonymous(Map<String, String> k, TransferServerSpec spec, StoragePoolSpec pool) {
        Optional<String> root = AnonymousArea.root(spec, pool);
        k.put("anonymous.enabled", String.valueOf(root.isPresent()));
        if (root.isEmpty()) {
            return;
        }
        Anonymous a = AnonymousArea.own(spec);
        Anonymous d = AnonymousArea.pool(pool);
        String user = a.user != null ? a.user : d.user;
        if (user != null) {
            k.put("anonymous.user", user);
        }
        k.put("anonymous.root", Layout.STORAGE_ROOT + "/" + root.get());
        Boolean email = a.requireEmailPassword != null ? a.requireEmailPassword : d.requireEmailPassword;
        k.put("anonymous.require-email-password", bool(email, "anonymous.require-email-password"));
    }

    /** The server's own default of a key (the schema module's): unset spec fields render it. */
    private static String serverDefault(String key) {
        return ServerConfSchema.require(key).defaultValue();
    }

    private static AccessLevel serverLevel(String key) {
        return AccessLevel.of(serverDefault(key)).orElseThrow();
    }

    /**
     * The level to write, never above {@code cap}: the server's own ask, else the pool's default, else
     * nothing (the server's default) unless that default is above the cap. A server asking for more than
     * the cap is refused before rendering ({@code PolicyCheck}); here the pool's own default is clamped.
     */
    static Optional<AccessLevel> level(AccessLevel own, AccessLevel pool, AccessLevel serverDefault, AccessLevel cap) {
        AccessLevel chosen = own != null ? own : pool;
        if (chosen == null) {
            return serverDefault.compareTo(cap) > 0 ? Optional.of(cap) : Optional.empty();
        }
        return Optional.of(chosen.compareTo(cap) > 0 ? cap : chosen);
    }

    /** The spec's value, else the server's default of {@code key}. */
    private static String bool(Boolean value, String key) {
        return value != null ? String.valueOf(value) : serverDefault(key);
    }

    private static String or(Integer value, String key) {
        return value != null ? String.valueOf(value) : serverDefault(key);
    }
}
