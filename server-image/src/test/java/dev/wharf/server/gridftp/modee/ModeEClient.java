package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.RawFtp;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A hand-made MODE E peer for tests: reads and writes blocks on plain sockets, as a GridFTP client would. */
final class ModeEClient {

    private ModeEClient() {}

    /** One received block. */
    record Block(int descriptor, long count, long offset, byte[] payload) {}

    /** What one stream carried for one transfer: its data blocks, and the EOF count if it carried the EOF. */
    record Stream(List<Block> blocks, long eofCount) {}

    static void header(DataOutputStream out, int descriptor, long count, long offset) throws IOException {
        out.writeByte(descriptor);
        out.writeLong(count);
        out.writeLong(offset);
    }

    static void block(DataOutputStream out, byte[] content, int offset, int length) throws IOException {
        header(out, 0, length, offset);
        out.write(content, offset, length);
    }

    /** Reproducible random content of {@code size} bytes. */
    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Sends {@code content} as 64 KiB blocks in shuffled order, spread over {@code streams}; EOF on the last. */
    static void sendShuffled(byte[] content, List<Socket> streams) throws IOException {
        List<Integer> starts = new ArrayList<>();
        for (int at = 0; at < content.length; at += 65536) {
            starts.add(at);
        }
        Collections.shuffle(starts, new Random(7));
        List<DataOutputStream> outs = new ArrayList<>();
        for (Socket s : streams) {
            outs.add(new DataOutputStream(s.getOutputStream()));
        }
        for (int i = 0; i < starts.size(); i++) {
            int at = starts.get(i);
            block(outs.get(i % outs.size()), content, at, Math.min(65536, content.length - at));
        }
        for (int i = 0; i < outs.size(); i++) {
            header(outs.get(i), i == outs.size() - 1 ? 0x48 : 0x08, 0, i == outs.size() - 1 ? outs.size() : 0);
            outs.get(i).flush();
        }
    }

    /** Reads blocks until this stream's EOD. */
    static Stream readUntilEod(DataInputStream in) throws IOException {
        List<Block> blocks = new ArrayList<>();
        long eof = -1;
        while (true) {
            int d = in.readUnsignedByte();
            long count = in.readLong();
            long offset = in.readLong();
            byte[] payload = new byte[(int) count];
            in.readFully(payload);
            if ((d & 0x40) != 0) {
                eof = offset;
            } else if (count > 0) {
                blocks.add(new Block(d, count, offset, payload));
            }
            if ((d & 0x08) != 0) {
                return new Stream(blocks, eof);
            }
        }
    }

    /** Lays the blocks of every stream into one array of {@code size} bytes. */
    static byte[] assemble(List<Stream> streams, int size) {
        byte[] out = new byte[size];
        for (Stream s : streams) {
            for (Block b : s.blocks()) {
                System.arraycopy(b.payload(), 0, out, (int) b.offset(), (int) b.count());
            }
        }
        return out;
    }

    /** The final reply of a transfer, skipping 1xx (150/125 and 111/112 markers). */
    static String finalReply(RawFtp ftp) throws IOException {
        String reply;
        do {
            reply = ftp.reply();
        } while (reply != null && reply.startsWith("1"));
        return reply;
    }

    static int pasvPort(String reply) {
        Matcher m = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)").matcher(reply);
        if (!m.find()) {
            throw new AssertionError("not a 227 reply: " + reply);
        }
        return Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    static String portArgument(int port) {
        return "127,0,0,1," + (port >> 8) + "," + (port & 0xff);
    }
}
