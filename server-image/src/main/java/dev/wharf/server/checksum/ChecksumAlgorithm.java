package dev.wharf.server.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/**
 * The checksum and hash algorithms of CKSM (GFD.47) and HASH (draft-bryan-ftpext-hash) and how their
 * values are printed: lowercase hex; ADLER32 and CRC32 zero-padded to 8 digits as globus-gridftp-server
 * prints them, so the Globus client's string compare with its own value holds.
 */
public enum ChecksumAlgorithm {
    ADLER32("ADLER32"), CRC32("CRC32"), MD5("MD5"), SHA_1("SHA-1"), SHA_256("SHA-256"), SHA_512("SHA-512");

    /** CKSM's algorithms, in the order of its FEAT line (what gfal-sum and globus-url-copy ask for). */
    public static final List<ChecksumAlgorithm> CKSM = List.of(ADLER32, MD5, CRC32);
    /** HASH's algorithms: names from the IANA "Hash Function Textual Names" registry, as the draft asks. */
    public static final List<ChecksumAlgorithm> HASH = List.of(SHA_1, SHA_256, SHA_512, MD5);

    private final String wireName;

    ChecksumAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: "SHA-256", "ADLER32"... */
    public String wireName() {
        return wireName;
    }

    /** The algorithm among {@code offered} called {@code name} (case-insensitive), or empty. */
    public static Optional<ChecksumAlgorithm> named(String name, List<ChecksumAlgorithm> offered) {
        return offered.stream().filter(a -> a.wireName.equalsIgnoreCase(name.strip())).findFirst();
    }

    /** "ADLER32,MD5,CRC32": the names of {@code algorithms} joined by {@code separator}. */
    public static String names(List<ChecksumAlgorithm> algorithms, String separator) {
        return String.join(separator, algorithms.stream().map(ChecksumAlgorithm::wireName).toList());
    }

    /** A fresh accumulator of this algorithm. */
    Accumulator accumulator() {
        return switch (this) {
            case ADLER32 -> new ChecksumAccumulator(new Adler32());
            case CRC32 -> new ChecksumAccumulator(new CRC32());
            case MD5 -> new DigestAccumulator(digest("MD5"));
            case SHA_1 -> new DigestAccumulator(digest("SHA-1"));
            case SHA_256 -> new DigestAccumulator(digest("SHA-256"));
            case SHA_512 -> new DigestAccumulator(digest("SHA-512"));
        };
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }

    @Override
    public String toString() {
        return wireName;
    }

    /** Bytes in, printed value out. */
    interface Accumulator {
        void update(byte[] bytes, int length);

        String value();
    }

    private record ChecksumAccumulator(Checksum checksum) implements Accumulator {
        public void update(byte[] bytes, int length) {
            checksum.update(bytes, 0, length);
        }

        public String value() {
            return String.format(Locale.ROOT, "%08x", checksum.getValue());
        }
    }

    private record DigestAccumulator(MessageDigest digest) implements Accumulator {
        public void update(byte[] bytes, int length) {
            digest.update(bytes, 0, length);
        }

        public String value() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
