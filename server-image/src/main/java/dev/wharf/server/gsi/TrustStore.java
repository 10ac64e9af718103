package dev.wharf.server.gsi;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * One immutable snapshot of the trust anchors: the CA certificates, their signing policies (by subject
 * hash, as the files are named) and their CRLs (by issuer). Built by {@link TrustAnchorDirectory}.
 */
public final class TrustStore {

    private final Map<X500Principal, List<X509Certificate>> casBySubject = new HashMap<>();
    private final Map<String, SigningPolicy> policiesByHash;
    private final Map<X500Principal, List<X509CRL>> crlsByIssuer = new HashMap<>();
    private final List<String> problems;

    public TrustStore(List<X509Certificate> cas, Map<String, SigningPolicy> policiesByHash, List<X509CRL> crls,
            List<String> problems) {
        for (X509Certificate ca : cas) {
            casBySubject.computeIfAbsent(ca.getSubjectX500Principal(), k -> new ArrayList<>()).add(ca);
        }
        this.policiesByHash = Map.copyOf(policiesByHash);
        for (X509CRL crl : crls) {
            crlsByIssuer.computeIfAbsent(crl.getIssuerX500Principal(), k -> new ArrayList<>()).add(crl);
        }
        this.problems = List.copyOf(problems);
    }

    /** Trusted CA certificates whose subject is {@code subject} (usually one; more after a CA re-key). */
    public List<X509Certificate> casWithSubject(X500Principal subject) {
        return casBySubject.getOrDefault(subject, List.of());
    }

    /** The signing policy that governs what the CA named {@code caSubject} may sign. */
    public Optional<SigningPolicy> signingPolicyFor(X500Principal caSubject) {
        return Optional.ofNullable(policiesByHash.get(OpenSslHash.subjectHash(caSubject)));
    }

    public List<X509CRL> crlsIssuedBy(X500Principal issuer) {
        return crlsByIssuer.getOrDefault(issuer, List.of());
    }

    public List<X509Certificate> allCas() {
        return casBySubject.values().stream().flatMap(List::stream).toList();
    }

    /** Files that could not be used, one human-readable line each (also logged at load). */
    public List<String> problems() {
        return problems;
    }
}
