package dev.wharf.server.srm.soap;

/**
 * One decoded SOAP RPC call: the operation's name (the Body's first child, e.g. {@code srmLs}) and its
 * one part, unmarshalled into the generated request type.
 */
public record SoapCall(String operation, Object request) {}
