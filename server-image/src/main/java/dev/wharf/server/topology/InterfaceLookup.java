package dev.wharf.server.topology;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** Maps an IP address to the interface that carries it (exactly, else by subnet: 127.0.0.2 is on lo). */
@FunctionalInterface
public interface InterfaceLookup {

    Optional<String> nameOf(InetAddress address);

    static InterfaceLookup system() {
        return address -> {
            try {
                NetworkInterface exact = NetworkInterface.getByInetAddress(address);
                if (exact != null) {
                    return Optional.of(exact.getName());
                }
                for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
                        if (sameSubnet(ia.getAddress(), address, ia.getNetworkPrefixLength())) {
                            return Optional.of(nif.getName());
                        }
                    }
                }
                return Optional.empty();
            } catch (SocketException e) {
                return Optional.empty();
            }
        };
    }

    static boolean sameSubnet(InetAddress a, InetAddress b, int prefix) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length || prefix <= 0) {
            return false;
        }
        for (int bit = 0; bit < Math.min(prefix, x.length * 8); bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
