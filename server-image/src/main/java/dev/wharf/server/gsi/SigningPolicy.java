package dev.wharf.server.gsi;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CA's Globus signing policy ({@code <hash>.signing_policy}): for each CA DN ({@code access_id_CA}) the
 * subject patterns ({@code cond_subjects}) it may sign, in OpenSSL slash form with {@code *} matching any
 * run of characters. Matching is case-sensitive, as Globus's is (policies list {@code /C=us} and
 * {@code /C=US} separately when both occur).
 *
 * @param subjectsByCa CA DN (slash form, as written) → permitted subject patterns; only CAs with
 *        {@code pos_rights globus CA:sign}
 */
public record SigningPolicy(Map<String, List<String>> subjectsByCa) {

    public SigningPolicy {
        subjectsByCa = Map.copyOf(subjectsByCa);
    }

    /** True when {@code caDn} may sign a certificate for {@code subjectDn} under this policy. */
    public boolean permits(String caDn, String subjectDn) {
        for (Map.Entry<String, List<String>> entry : subjectsByCa.entrySet()) {
            if (OpenSslDn.sameDn(entry.getKey(), caDn)) {
                for (String pattern : entry.getValue()) {
                    if (matches(pattern, subjectDn)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when the policy mentions {@code caDn} at all. */
    public boolean covers(String caDn) {
        return subjectsByCa.keySet().stream().anyMatch(ca -> OpenSslDn.sameDn(ca, caDn));
    }

    static boolean matches(String pattern, String subject) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '*') {
                regex.append(Pattern.quote(pattern.substring(literalStart, i))).append(".*");
                literalStart = i + 1;
            }
        }
        regex.append(Pattern.quote(pattern.substring(literalStart)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(subject).matches();
    }
}
