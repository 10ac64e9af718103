package dev.wharf.server.dcap;

/** A control line or data block that breaks the dCap grammar; the message is safe to send back. */
public final class DcapProtocolException extends Exception {

    public DcapProtocolException(String message) {
        super(message);
    }
}
