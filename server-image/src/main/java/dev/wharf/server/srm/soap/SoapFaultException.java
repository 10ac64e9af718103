package dev.wharf.server.srm.soap;

/**
 * A message that is not an SRM call at all (not XML, no envelope, an unknown operation, a DTD): the
 * answer is a SOAP {@code Client} fault, not an SRM status, since there is no request to give one to.
 */
public final class SoapFaultException extends Exception {

    public SoapFaultException(String message) {
        super(message);
    }

    public SoapFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
