package dev.wharf.server.privileges;

/**
 * The Linux capabilities a fast mover wants (mdtmFTP's list), with their bit numbers (capability.h).
 * What each buys in Wharf is in docs/topology.md; SYS_ADMIN buys nothing in Wharf itself (mdtmFTP uses
 * it for sysctls such as fs.nr_open, which are the node's business).
 */
public enum Capability {
    IPC_LOCK(14),
    SYS_ADMIN(21),
    SYS_NICE(23),
    SYS_RESOURCE(24);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The kernel's name, as in capabilities(7) and {@code docker run --cap-add}. */
    public String capName() {
        return "CAP_" + name();
    }
}
