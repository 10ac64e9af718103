package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * Kerberos 5 logins of the krbftp and krbdcap doors. Like the grid-mapfile, every file comes from a key of
 * a Secret in the TransferServer's namespace (one informer and one RBAC rule serve every credential); the
 * operator copies them next to the other credentials.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Kerberos {

    /** Default Secret keys. */
    public static final String KEYTAB_KEY = "krb5.keytab";
    public static final String PRINCIPAL_MAP_KEY = "principal-map";
    public static final String KRB5_CONF_KEY = "krb5.conf";

    @Required
    @JsonPropertyDescription("The service keytab (ftp/HOST@REALM for krbftp, host/HOST@REALM for krbdcap, one entry per node). Default key 'krb5.keytab'. Re-read by the running server: a new key version reaches it without a restart.")
    public SecretKeyRef keytabSecret;

    @Pattern("^[^/@\\s]+(/[^/@\\s]+)?@[^@\\s]+$")
    @JsonPropertyDescription("Service principal to accept (krb.service-principal), e.g. ftp/dtn1.example.org@EXAMPLE.ORG. Unset: ftp/<node host name>@<default realm> (krbdcap: host/...), which suits servers on several nodes.")
    public String servicePrincipal;

    @JsonPropertyDescription("Principal map ('principal account' lines; user@DEFAULT_REALM maps to user without a line). Default key 'principal-map'. Re-read when it changes.")
    public SecretKeyRef principalMap;

    @JsonPropertyDescription("krb5.conf naming the realm and its KDCs. Default key 'krb5.conf'. Unset: the image's /etc/krb5.conf.")
    public SecretKeyRef krb5Conf;
}
