package dev.wharf.server.auth;

/**
 * One line of a Globus gridftp password file, {@code user:hash:uid:gid:gecos:home:shell} (the
 * /etc/passwd layout with the hash in the second field). Wharf uses user, hash and home; uid, gid,
 * gecos and shell are kept so the file round-trips unchanged.
 *
 * @param home absolute directory the user is jailed in when no {@code storage.root} is set, or ""
 */
public record PasswordEntry(String user, PasswordHash hash, long uid, long gid, String gecos, String home, String shell) {

    /** The line as the file holds it. */
    public String toLine() {
        return String.join(":", user, hash.encoded(), Long.toString(uid), Long.toString(gid), gecos, home, shell);
    }

    @Override
    public String toString() {
        return "PasswordEntry[" + user + ", " + hash.scheme() + ", home=" + home + "]";
    }
}
