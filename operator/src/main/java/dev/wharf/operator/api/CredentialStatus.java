package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One certificate a server uses, from a Secret it references, and when it stops being valid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CredentialStatus {

    @JsonPropertyDescription("The Secret (in the TransferServer's namespace).")
    public String secret;

    @JsonPropertyDescription("The key of the Secret holding the certificate.")
    public String key;

    @JsonPropertyDescription("The certificate's subject.")
    public String subject;

    @JsonPropertyDescription("The end of the certificate's validity (RFC 3339).")
    public String notAfter;

    public CredentialStatus() {
    }

    public CredentialStatus(String secret, String key, String subject, String notAfter) {
        this.secret = secret;
        this.key = key;
        this.subject = subject;
        this.notAfter = notAfter;
    }
}
