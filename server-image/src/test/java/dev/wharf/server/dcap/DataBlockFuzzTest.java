package dev.wharf.server.dcap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * The client's side of a dCap data channel, in arbitrary pieces: greetings, request blocks and write
 * data are decoded or refused with a DcapProtocolException; every slice handed out is released.
 */
class DataBlockFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyByteStreamDecodesOrIsAProtocolError(FuzzedDataProvider data) {
        boolean greeting = data.consumeBoolean();
        boolean writeAccepted = data.consumeBoolean();
        DataBlockDecoder[] decoder = new DataBlockDecoder[1];
        decoder[0] = new DataBlockDecoder(new DataBlockDecoder.Listener() {
            @Override public void greeting(long sessionId, String challenge) {}
            @Override public void request(DataRequest request) {
                if (writeAccepted) {
                    decoder[0].expectData();
                }
            }
            @Override public void data(ByteBuf chunk) { chunk.release(); }
            @Override public void dataEnd() {}
        }, greeting, ByteBufAllocator.DEFAULT);
        try {
            while (data.remainingBytes() > 0) {
                decoder[0].feed(Unpooled.wrappedBuffer(data.consumeBytes(1 + data.consumeInt(0, 64))));
            }
        } catch (DcapProtocolException e) {
            // refused: the mover closes the data channel
        }
    }
}
