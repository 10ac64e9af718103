package dev.wharf.server.ftp;

/**
 * An RFC 2228 security mechanism on the control channel (GSSAPI for GridFTP): once a command returns
 * {@link Outcome.Protect}, the session handler unwraps every protected command through it, refuses
 * clear commands it does not allow, and the pipeline wraps every later reply (including the final
 * reply of a transfer) on the event loop, so replies are wrapped in the order they are written.
 */
public interface ControlProtection {

    /** ENC, MIC or CONF: the verb carries a protected command. */
    boolean carriesCommand(String verb);

    /** A clear command the session still accepts once protected (QUIT, FEAT...). */
    boolean allowsClear(String verb);

    /**
     * The command line inside a protected command; malformed is an {@link FtpException} 501, a token that
     * broke the security context 535 (the handler then writes that reply and closes the session).
     */
    String unwrap(String verb, String argument) throws FtpException;

    /** The wire text (CRLF-terminated lines) of {@code reply}, wrapped; in clear once the context broke. */
    String wrap(FtpReply reply);
}
