package dev.wharf.config;

/**
 * Defaults and bounds of the limits.* keys as constants, because the operator's CRD declares the same
 * fields with annotations (which need constants): one number for both, so the operator can never accept
 * a value the server refuses or refuse one it takes.
 */
public final class Limits {

    public static final String CLIENTS_DEFAULT = "100";
    public static final long CLIENTS_MIN = 1;
    public static final long CLIENTS_MAX = 1_000_000;

    public static final String IDLE_TIMEOUT_DEFAULT = "900";
    public static final long IDLE_TIMEOUT_MIN = 1;
    public static final long IDLE_TIMEOUT_MAX = 7 * 86_400;

    public static final String STREAMS_PER_CLIENT_DEFAULT = "10";
    public static final long STREAMS_PER_CLIENT_MIN = 1;
    public static final long STREAMS_PER_CLIENT_MAX = 1000;

    private Limits() {}
}
