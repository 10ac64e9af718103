package dev.wharf.server.dcap;

/**
 * One control-line reply, as {@link DcapReplies} renders it, without its line end. Only
 * {@link DcapReplyEncoder} turns it into a line, so nothing else writes raw text to the channel.
 */
record DcapReply(String line) {

    DcapReply {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            // DcapReplies cleans every message it quotes: a line break here is a bug, never client data.
            throw new IllegalArgumentException("a dCap reply is one line");
        }
    }
}
