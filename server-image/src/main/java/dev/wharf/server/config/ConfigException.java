package dev.wharf.server.config;

/** A configuration file or command line the server cannot start with; the message names the key and line. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
