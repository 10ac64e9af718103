package dev.wharf.server.srm;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.GuardedStorage;
import dev.wharf.server.fs.Jail;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.metrics.ServerMetrics;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** SOAP-level test sessions: a grid user jailed at a directory under a given policy, no sockets. */
public final class SrmSessions {

    public static final String DN = "/C=UK/O=Wharf Test/CN=Jane Doe";

    private SrmSessions() {}

    public static SrmSession at(Path root, AccessPolicy policy) throws Exception {
        Identity jane = new Identity(DN, Identity.Method.GSI, Set.of(), "jane");
        GuardedStorage storage = new GuardedStorage(new Jail(root), policy,
                new SessionStorage.Login("srm", jane, false, false), ServerMetrics.NONE, null);
        return new SrmSession("srm", new InetSocketAddress("127.0.0.1", 40000), jane, storage, Optional.empty());
    }

    /** A request envelope shaped as gSOAP (srm-ifce) sends it: RPC/encoded, xsi:type on the part. */
    public static byte[] envelope(String operation, String partXml) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:srm2=\"http://srm.lbl.gov/StorageResourceManager\">"
                + "<SOAP-ENV:Body SOAP-ENV:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">"
                + "<srm2:" + operation + ">" + partXml + "</srm2:" + operation + ">"
                + "</SOAP-ENV:Body></SOAP-ENV:Envelope>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
