package dev.wharf.server.gridftp.dcau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ftp.FtpException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts of DCAU: the argument, where a GSI token ends on the wire, the data channel TLS versions. */
class DcauParsingTest {

    @Test
    void dcauArguments() throws Exception {
        assertEquals(Dcau.NONE, Dcau.parse("n"));
        assertEquals(Dcau.SELF, Dcau.parse(" A "));
        Dcau s = Dcau.parse("S /C=XX/O=Wharf Test/OU=People/CN=Jane Doe");
        assertEquals(Dcau.Kind.SUBJECT, s.kind());
        assertEquals("/C=XX/O=Wharf Test/OU=People/CN=Jane Doe", s.subject());
        assertEquals("S", s.letter());
        assertEquals(501, assertThrows(FtpException.class, () -> Dcau.parse("")).code());
        assertEquals(501, assertThrows(FtpException.class, () -> Dcau.parse("S")).code());
        assertEquals(501, assertThrows(FtpException.class, () -> Dcau.parse("S CN=not slash form")).code());
        assertEquals(501, assertThrows(FtpException.class, () -> Dcau.parse("N extra")).code());
        assertEquals(504, assertThrows(FtpException.class, () -> Dcau.parse("E")).code());
    }

    @Test
    void tokensAreBareTlsRecordsOrLengthFramed() {
        ByteBuf record = Unpooled.wrappedBuffer(new byte[] {22, 3, 3, 0, 2, 'h', 'i', 'x'});
        assertTrue(GsiTokens.isTlsRecord(record));
        assertEquals(7, GsiTokens.completeLength(record));
        assertEquals(-1, GsiTokens.completeLength(Unpooled.wrappedBuffer(new byte[] {23, 3, 3, 0, 9, 1})));

        ByteBuf framed = Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, 'a', 'b', 'c', 'd'});
        assertFalse(GsiTokens.isTlsRecord(framed));
        assertEquals(7, GsiTokens.completeLength(framed));
        assertEquals("abc", new String(GsiTokens.payload(framed.readSlice(7), true)));
        assertThrows(IllegalArgumentException.class,
                () -> GsiTokens.completeLength(Unpooled.wrappedBuffer(new byte[] {0x7f, 0, 0, 0, 0})));
    }

    @Test
    void dataChannelsPreferTls12() {
        assertEquals(List.of("TLSv1.2"), GsiDataProtection.dataChannelProtocols(List.of("TLSv1.2", "TLSv1.3")));
        assertEquals(List.of("TLSv1.3"), GsiDataProtection.dataChannelProtocols(List.of("TLSv1.3")));
    }
}
