package dev.wharf.server.ftp;

/**
 * An RFC 2228 security mechanism on the control channel (GSSAPI for GridFTP): once a command returns
 * {@link Outcome.Protect}, the session handler unwraps every protected command through it, refuses
 * clear commands it does not allow, and the pipeline wraps every later reply (including the final
 * reply of a transfer) on the event loop, so replies are wrapped in the order they are written.
 */
public interface ControlProtection {

    /** Clear commands RFC 2228 mechanisms still serve on a protected channel. */
    java.util.Set<String> CLEAR_COMMANDS = java.util.Set.of("AUTH", "ADAT", "FEAT", "QUIT");

    /** ENC, MIC or CONF: the verb carries a protected command. */
    default boolean carriesCommand(String verb) {
        return verb.equals("ENC") || verb.equals("MIC") || verb.equals("CONF");
    }

    /** A clear command the session still accepts once protected (QUIT, FEAT...). */
    default boolean allowsClear(String verb) {
        return CLEAR_COMMANDS.contains(verb);
    }

    /**
     * The command line inside a protected command; malformed is an {@link FtpException} 501, a token that
     * broke the security context 535 (the handler then writes that reply and closes the session).
     */
    String unwrap(String verb, String argument) throws FtpException;

    /** The wire text (CRLF-terminated lines) of {@code reply}, wrapped; in clear once the context broke. */
    String wrap(FtpReply reply);
}
