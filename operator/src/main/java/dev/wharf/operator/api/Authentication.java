package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How users log in. Secrets are read from the TransferServer's namespace and copied by the operator
 * into the data-plane namespace, where they are mounted read-only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.trustAnchorsSecret) || has(self.hostCredentialSecret)",
        message = "trustAnchorsSecret needs hostCredentialSecret (GSI needs a host credential)")
public class Authentication {

    @JsonPropertyDescription("Password file in the Globus gridftp format (user:hash:uid:gid:gecos:home:shell). Default key 'passwd'.")
    public SecretKeyRef passwordFile;

    @JsonPropertyDescription("Allow USER/PASS logins against the password file (default true).")
    public Boolean usernamePassword;

    @JsonPropertyDescription("TLS certificate for FTP AUTH TLS and the ftps door, a kubernetes.io/tls Secret (tls.crt, tls.key). Unset: the GSI host credential if given, else the server makes a self-signed one.")
    public SecretRef tlsSecret;

    @JsonPropertyDescription("GSI host credential, a kubernetes.io/tls Secret (tls.crt = hostcert.pem, tls.key = hostkey.pem). Needed by gsiftp, gsidcap and srm.")
    public SecretRef hostCredentialSecret;

    @JsonPropertyDescription("Trust anchors in the X509_CERT_DIR layout (HASH.0, HASH.signing_policy, ...), one Secret key per file.")
    public SecretRef trustAnchorsSecret;

    @JsonPropertyDescription("Grid-mapfile (\"DN\" account lines). Default key 'grid-mapfile'.")
    public SecretKeyRef gridMapfile;

    @JsonPropertyDescription("Anonymous FTP; unset fields inherit the pool's defaults.")
    public Anonymous anonymous;

    @JsonPropertyDescription("Kerberos 5 logins (keytab, principal map, krb5.conf). Needed by krbftp and krbdcap.")
    public Kerberos kerberos;
}
