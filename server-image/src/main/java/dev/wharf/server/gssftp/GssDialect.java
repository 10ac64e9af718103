package dev.wharf.server.gssftp;

import dev.wharf.server.gsi.ProtectedMessages.Protection;
import dev.wharf.server.gsi.ProtectedMessages.Split;

/**
 * What the two RFC 2228 doors say and frame differently, in one table: each keeps the reply texts its clients
 * and tests have always seen (the codes are the same on both), the framing of protected replies its clients
 * read, and its PBSZ bounds. Everything else in {@code gssftp} is common.
 *
 * @param mechanism    the mechanism's name in replies and log lines
 * @param split        how a protected reply is cut into tokens
 * @param bareLf       replies carrying a token end in LF alone ({@code FtpReply#bareLf}: curl 7.88)
 * @param firstReply   the protection of replies wrapped before the first protected command came
 * @param confReply    the protection of the reply to a {@code CONF} command
 * @param loginAtUser  USER after ADAT logs in at once ({@code 232}); otherwise {@code 331} and PASS finishes
 * @param minPbsz      the smallest PBSZ taken (501 below)
 * @param maxPbsz      the largest PBSZ agreed; a larger request is answered with this one
 * @param onlyGssapi   504 to AUTH with another mechanism
 * @param adatFollows  334 to AUTH GSSAPI
 * @param authenticated 235 when the last ADAT has no token to return
 * @param loginFirst   530 to USER before ADAT on a door without passwords
 * @param securityFirst what PBSZ and PROT say is missing before ADAT ({@code "PBSZ needs %s first"})
 * @param refused      530 to USER for an identity the door refuses: {@code %1$s} the principal, {@code %2$s} why
 * @param protSet      200 to PROT, {@code %s} the letter
 */
public record GssDialect(String mechanism, Split split, boolean bareLf, Protection firstReply, Protection confReply,
                         boolean loginAtUser, int minPbsz, int maxPbsz, String onlyGssapi, String adatFollows,
                         String authenticated, String loginFirst, String securityFirst, String refused, String protSet) {

    /** gsiftp: Globus clients (globus-url-copy, gfal2, UberFTP); PBSZ bounds nothing, data go in TLS records. */
    public static final GssDialect GSI = new GssDialect("GSI", Split.RECORDS, false, Protection.ENC, Protection.CONF,
            false, 0, Integer.MAX_VALUE,
            "Only AUTH GSSAPI is supported on this door",
            "ADAT must follow",
            "GSSAPI Authentication successful.",
            "Authenticate with AUTH GSSAPI first",
            "AUTH GSSAPI",
            "Login refused for %1$s",
            "Protection level set to %s.");

    /**
     * krbftp: curl {@code --krb} and the MIT/Heimdal ftp clients, which take the reply code from the last token
     * alone; a data token is read into memory whole, hence the 1 MiB PBSZ.
     */
    public static final GssDialect KERBEROS = new GssDialect("Kerberos", Split.LINES, true, Protection.MIC,
            Protection.ENC, true, 1, 1 << 20,
            "Only AUTH GSSAPI (Kerberos 5) is supported on this door",
            "Using authentication type GSSAPI; ADAT must follow",
            "GSSAPI authentication succeeded",
            "Log in with AUTH GSSAPI (Kerberos) first",
            "AUTH GSSAPI and ADAT",
            "Login refused: %2$s",
            "Protection level set to %s");

    /** The protection of the reply to a command that came as {@code command}. */
    Protection replyTo(Protection command) {
        return command == Protection.CONF ? confReply : command;
    }

    /** The line end of protected replies and of replies carrying a token. */
    String lineEnd() {
        return bareLf ? "\n" : "\r\n";
    }
}
