package dev.wharf.server.gridftp;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/**
 * The CKSM algorithms and how their values are printed: lowercase hex as globus-gridftp-server prints
 * them (ADLER32 zero-padded to 8 digits, so the Globus client's string compare with its own value
 * holds); CRC32 in the same 8-digit form.
 */
enum Checksums {
    ADLER32, MD5, CRC32;

    /** The FEAT line of CKSM: the algorithm names, in order of preference. */
    static String feature() {
        return "CKSM ADLER32,MD5,CRC32";
    }

    /** The algorithm for a CKSM argument (case-insensitive), or empty when unknown. */
    static Optional<Checksums> named(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads {@code length} bytes from {@code offset} (positional reads) and returns the printed value. */
    String compute(FileChannel channel, long offset, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(length, 1)));
        Sink sink = sink();
        long position = offset;
        long end = offset + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("file ended at " + position + " before " + end);
            }
            sink.update(buffer.array(), n);
            position += n;
        }
        return sink.value();
    }

    private Sink sink() {
        return switch (this) {
            case ADLER32 -> new ChecksumSink(new Adler32());
            case CRC32 -> new ChecksumSink(new CRC32());
            case MD5 -> new DigestSink(md5());
        };
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    private interface Sink {
        void update(byte[] bytes, int length);

        String value();
    }

    private record ChecksumSink(Checksum checksum) implements Sink {
        public void update(byte[] bytes, int length) {
            checksum.update(bytes, 0, length);
        }

        public String value() {
            return String.format("%08x", checksum.getValue());
        }
    }

    private record DigestSink(MessageDigest digest) implements Sink {
        public void update(byte[] bytes, int length) {
            digest.update(bytes, 0, length);
        }

        public String value() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
