package dev.wharf.server.srm;

import dev.wharf.server.srm.v22.SrmPingRequest;
import dev.wharf.server.srm.v22.TReturnStatus;
import dev.wharf.server.srm.v22.TStatusCode;
import java.util.Optional;

/**
 * The generated types of a WSDL operation, found by the names xjc gives them: operation {@code srmLs}
 * has request {@code SrmLsRequest} and response {@code SrmLsResponse}. Lets the dispatcher decode any
 * operation of the WSDL and answer the ones without a handler ({@code SRM_NOT_SUPPORTED}) or a failed
 * one with a status-only response of the right type.
 */
public final class SrmTypes {

    private static final String PACKAGE = SrmPingRequest.class.getPackageName();

    private SrmTypes() {}

    public static Optional<Class<?>> request(String operation) {
        return type(operation, "Request");
    }

    public static Optional<Class<?>> response(String operation) {
        return type(operation, "Response");
    }

    static void requireKnown(String operation) {
        if (request(operation).isEmpty() || response(operation).isEmpty()) {
            throw new IllegalArgumentException(operation + " is not an operation of srm.v2.2.wsdl");
        }
    }

    private static Optional<Class<?>> type(String operation, String suffix) {
        if (operation == null || !operation.matches("srm[A-Z][A-Za-z]{1,60}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(PACKAGE + ".S" + operation.substring(1) + suffix));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * A response of {@code operation}'s type carrying only {@code code}; empty for a response without a
     * {@code returnStatus} (srmPing's).
     */
    public static Optional<Object> statusOnly(String operation, TStatusCode code, String explanation) {
        return response(operation).flatMap(type -> {
            try {
                Object response = type.getConstructor().newInstance();
                type.getMethod("setReturnStatus", TReturnStatus.class).invoke(response, SrmStatus.of(code, explanation));
                return Optional.of(response);
            } catch (ReflectiveOperationException e) {
                return Optional.empty();
            }
        });
    }
}
