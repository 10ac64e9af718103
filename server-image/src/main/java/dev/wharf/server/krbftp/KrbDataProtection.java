package dev.wharf.server.krbftp;

import dev.wharf.server.data.DataPipeline;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.krb.KrbAcceptor;
import io.netty.channel.Channel;

/**
 * PROT S/P data channels of the krbftp door (RFC 2228 section 9): the byte stream is a sequence of protected
 * blocks, each a 4-byte big-endian length and a token that the session's Kerberos context wrapped
 * ({@link WrappedBlocks}). There is no handshake per channel: the control channel's context protects them, so
 * the channel counts as established at once; bytes read before the codec was in place are refused by the
 * guard rather than taken as clear data.
 */
record KrbDataProtection(KrbAcceptor context, boolean confidential, int pbsz) implements DataProtection {

    @Override
    public void install(Channel channel) {
        DataPipeline.guard(channel);
        // named like TLS so senders hand it bytes, not file regions
        DataPipeline.addProtection(channel, DataPipeline.TLS, new WrappedBlocks(context, confidential, pbsz));
    }
}
