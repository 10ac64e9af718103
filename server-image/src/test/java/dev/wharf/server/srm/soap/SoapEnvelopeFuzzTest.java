package dev.wharf.server.srm.soap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wharf.server.srm.SrmTypes;

/**
 * A request body of the SRM door: a call of a WSDL operation whose request has that operation's generated
 * type, or a SoapFaultException (the door answers with a SOAP fault and carries on), nothing else. Seeds:
 * srmLs as gSOAP sends it, srmPing, an external-entity DOCTYPE.
 */
class SoapEnvelopeFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyBytesAreACallOrAFault(byte[] input) {
        try {
            SoapCall call = SoapEnvelopes.read(input, SrmTypes::request);
            Class<?> expected = SrmTypes.request(call.operation()).orElseThrow(
                    () -> new AssertionError("decoded an operation the WSDL does not have: " + call.operation()));
            if (!expected.isInstance(call.request())) {
                throw new AssertionError(call.operation() + " decoded as " + call.request().getClass());
            }
        } catch (SoapFaultException e) {
            // refused: a Client fault
        }
    }
}
