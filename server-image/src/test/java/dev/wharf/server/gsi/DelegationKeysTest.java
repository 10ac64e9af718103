package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DelegationKeysTest {

    @Test
    void everyPairIsHandedOutOnceWithTheRequestedSize() {
        DelegationKeys keys = new DelegationKeys(2);
        keys.prepare(1024);
        Set<java.math.BigInteger> moduli = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            KeyPair pair = keys.take(1024);
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            assertEquals(1024, pub.getModulus().bitLength());
            moduli.add(pub.getModulus());
        }
        assertEquals(5, moduli.size(), "no key pair is reused");
        assertNotEquals(((RSAPublicKey) keys.take(2048).getPublic()).getModulus().bitLength(), 1024);
    }

    @Test
    void derLengthOfTheDelegatedCertificateIsReadFromItsHeader() {
        assertEquals(-1, DelegationRequest.certificateLength(new byte[] {0x30}));
        assertEquals(2 + 5, DelegationRequest.certificateLength(new byte[] {0x30, 5}));
        assertEquals(-1, DelegationRequest.certificateLength(new byte[] {0x30, (byte) 0x82, 3}));
        assertEquals(4 + 0x0345, DelegationRequest.certificateLength(new byte[] {0x30, (byte) 0x82, 3, 0x45}));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DelegationRequest.certificateLength(new byte[] {0x02, 1}));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DelegationRequest.certificateLength(new byte[] {0x30, (byte) 0x84, 0x7f, 0, 0, 0}));
    }
}
