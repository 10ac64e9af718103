package dev.wharf.operator.render.sshd;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The two key pairs of one job, made by the operator once and kept in the job's Secret: the job identity
 * (its public half is authorized on every pod, so {@code ssh HOST} between the job's pods needs no setup)
 * and the host CA (signs each pod's host key at start; clients trust it through one
 * {@code @cert-authority} line, so host keys can be new at every start and still be checked).
 */
public record JobSshKeys(OpenSshKeys.Pair identity, OpenSshKeys.Pair hostCa) {

    /** New keys for the job {@code name} (the comment in the public keys). */
    public static JobSshKeys generate(String name, SecureRandom random) {
        return new JobSshKeys(OpenSshKeys.generate("wharf-job-key " + name, random),
                OpenSshKeys.generate("wharf-host-ca " + name, random));
    }

    /** The keys a job Secret already holds ({@code data} base64, as the API returns it), if complete and well-formed. */
    public static Optional<JobSshKeys> fromSecretData(Map<String, String> data) {
        if (data == null) {
            return Optional.empty();
        }
        String id = decode(data.get(SshdLayout.IDENTITY));
        String idPub = decode(data.get(SshdLayout.IDENTITY_PUB));
        String ca = decode(data.get(SshdLayout.HOST_CA));
        String caPub = decode(data.get(SshdLayout.HOST_CA_PUB));
        if (!OpenSshKeys.isPrivateKey(id) || !OpenSshKeys.isPublicKey(idPub)
                || !OpenSshKeys.isPrivateKey(ca) || !OpenSshKeys.isPublicKey(caPub)) {
            return Optional.empty();
        }
        return Optional.of(new JobSshKeys(new OpenSshKeys.Pair(id, idPub.strip()), new OpenSshKeys.Pair(ca, caPub.strip())));
    }

    private static String decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
