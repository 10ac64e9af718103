package dev.wharf.operator.render.secrets;

import io.fabric8.kubernetes.api.model.Secret;

import java.util.List;

/** The credentials copied into the data-plane namespace, or why they could not be. */
public sealed interface CredentialsResult {

    /** Condition reason: a referenced Secret does not exist. */
    String SECRET_MISSING = "SecretMissing";
    /** Condition reason: a Secret lacks the key the spec names. */
    String SECRET_KEY_MISSING = "SecretKeyMissing";
    /** Condition reason: a certificate or key does not parse. */
    String INVALID_CREDENTIAL = "InvalidCredential";
    /** Condition reason: a door needs a credential the spec does not give. */
    String CREDENTIAL_REQUIRED = "CredentialRequired";

    /**
     * @param secrets the credentials Secret, then the trust-anchors Secret when GSI trust anchors are
     *                given; all in the data-plane namespace, mounted read-only
     */
    record Ready(List<Secret> secrets) implements CredentialsResult {
    }

    /** Nothing is rendered; {@code message} tells the user what to fix. */
    record Problem(String reason, String message) implements CredentialsResult {
    }
}
