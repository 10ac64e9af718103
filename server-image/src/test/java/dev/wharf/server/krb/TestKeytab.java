package dev.wharf.server.krb;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * A keytab and krb5.conf for tests that start the Kerberos doors without a KDC (no ticket is ever issued for
 * these keys): MIT keytab format 0x0502 with one random aes256-cts-hmac-sha1-96 key per principal.
 */
public final class TestKeytab {

    private static final int AES256_CTS_HMAC_SHA1_96 = 18;
    private static final int KRB_NT_SRV_HST = 3;

    private TestKeytab() {}

    /** Writes {@code dir/test.keytab} (ftp/localhost, host/localhost) and {@code dir/krb5.conf}; returns the krb.* keys. */
    public static Map<String, String> serverKeys(Path dir) throws IOException {
        Path keytab = dir.resolve("test.keytab");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0x0502);
        for (String service : new String[] {"ftp", "host"}) {
            byte[] entry = entry(service, "localhost", TestKdc.REALM);
            out.writeInt(entry.length);
            out.write(entry);
        }
        Files.write(keytab, bytes.toByteArray());
        Path conf = dir.resolve("krb5.conf");
        Files.writeString(conf, "[libdefaults]\n default_realm = " + TestKdc.REALM + "\n");
        return Map.of("krb.keytab", keytab.toString(), "krb.config", conf.toString(),
                "krb.service-principal", TestKdc.FTP_PRINCIPAL);
    }

    private static byte[] entry(String service, String host, String realm) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(2);
        counted(out, realm);
        counted(out, service);
        counted(out, host);
        out.writeInt(KRB_NT_SRV_HST);
        out.writeInt((int) (System.currentTimeMillis() / 1000));
        out.writeByte(1);
        out.writeShort(AES256_CTS_HMAC_SHA1_96);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        out.writeShort(key.length);
        out.write(key);
        out.writeInt(1);
        return bytes.toByteArray();
    }

    private static void counted(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }
}
