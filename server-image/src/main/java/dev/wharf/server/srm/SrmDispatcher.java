package dev.wharf.server.srm;

import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.srm.soap.SoapCall;
import dev.wharf.server.srm.soap.SoapEnvelopes;
import dev.wharf.server.srm.soap.SoapFaultException;
import dev.wharf.server.srm.v22.TStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From a request body to the answer's body: decode the SOAP call, find the operation's handler in the
 * {@link SrmOperations} table, run it with the session, encode its response. A message that is not a
 * SOAP call of the WSDL gets a SOAP fault (HTTP 500, as SOAP 1.1 over HTTP says); everything else gets
 * the operation's own response with a status, so gfal2 can turn it into an errno. Pure apart from
 * logging; the transport calls it on the blocking executor.
 */
public final class SrmDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SrmDispatcher.class);

    /** What to send back: the HTTP status (200, or 500 for a fault) and the SOAP envelope. */
    public record Answer(int httpStatus, String operation, byte[] body) {
        static Answer fault(boolean client, String message) {
            return new Answer(500, null, SoapEnvelopes.fault(client, message));
        }
    }

    private final SrmOperations operations;
    private final ClientMistakes mistakes;

    public SrmDispatcher(SrmOperations operations, ClientMistakes mistakes) {
        this.operations = operations;
        this.mistakes = mistakes;
    }

    public SrmOperations operations() {
        return operations;
    }

    public Answer dispatch(byte[] body, SrmSession session) {
        SoapCall call;
        try {
            call = SoapEnvelopes.read(body, SrmTypes::request);
        } catch (SoapFaultException e) {
            mistakes.report(session.door() + ": " + session.client() + " (" + session.identity().principal()
                    + ") sent a message that is not an SRM call: " + e.getMessage(), null);
            return Answer.fault(true, e.getMessage());
        }
        return run(call, session);
    }

    /**
     * The answer to a caller who may not use the door at all (DN not mapped, no storage): every call is
     * answered with {@code code} in its own response type, so the client reports the reason.
     */
    public Answer refuse(byte[] body, TStatusCode code, String why) {
        try {
            SoapCall call = SoapEnvelopes.read(body, SrmTypes::request);
            return statusOnly(call.operation(), code, why);
        } catch (SoapFaultException e) {
            return Answer.fault(true, why);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Answer run(SoapCall call, SrmSession session) {
        String name = call.operation();
        SrmOperation op = operations.find(name).orElse(null);
        if (op == null) {
            return statusOnly(name, TStatusCode.SRM_NOT_SUPPORTED, name + " is not supported by this server");
        }
        try {
            Object response = op.handle(session, op.requestType().cast(call.request()));
            return new Answer(200, name, SoapEnvelopes.response(name, response));
        } catch (SrmException e) {
            return statusOnly(name, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{}: {} failed for {}", session.door(), name, session.identity().principal(), e);
            return statusOnly(name, TStatusCode.SRM_INTERNAL_ERROR, name + " failed inside the server");
        }
    }

    private static Answer statusOnly(String name, TStatusCode code, String why) {
        return SrmTypes.statusOnly(name, code, why)
                .map(r -> new Answer(200, name, SoapEnvelopes.response(name, r)))
                .orElseGet(() -> Answer.fault(false, why));
    }
}
