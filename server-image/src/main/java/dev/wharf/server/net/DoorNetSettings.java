package dev.wharf.server.net;

import dev.wharf.config.PortRange;
import java.net.InetAddress;
import java.time.Duration;

/** A door's settings record that carries the shared network keys; the shortcuts doors use most. */
public interface DoorNetSettings {

    NetSettings net();

    default InetAddress controlInterface() {
        return net().controlInterface();
    }

    default InetAddress dataInterface() {
        return net().dataInterface();
    }

    default PortRange portRange() {
        return net().portRange();
    }

    default Duration idleTimeout() {
        return net().idleTimeout();
    }
}
