package dev.wharf.server.ftp;

import dev.wharf.server.metrics.Direction;

/**
 * A transfer command that passed its checks: what to move, what to say, how to finish. How the bytes
 * travel is the session's {@link TransferMode}'s business.
 *
 * @param path the jail path (for logs)
 * @param payload what to move
 * @param preliminary the 1xx texts
 * @param completedText the text of the final 226 reply
 */
public record PreparedTransfer(String path, TransferPayload payload, Preliminary preliminary, String completedText) {

    /**
     * The texts of a transfer's 1xx reply.
     *
     * @param opening with 150, when the data connection is still to be opened
     * @param alreadyOpen with 125, when the mode carries the transfer on connections kept open (MODE E)
     */
    public record Preliminary(String opening, String alreadyOpen) {

        /** {@code alreadyOpen} names {@code subject}. */
        public static Preliminary of(String opening, String subject) {
            return new Preliminary(opening, "Data connection already open; transfer starting for " + subject);
        }
    }

    public static PreparedTransfer download(String path, TransferPayload.FileBytes bytes, Preliminary preliminary) {
        return new PreparedTransfer(path, bytes, preliminary, "Transfer complete");
    }

    public static PreparedTransfer listing(String path, TransferPayload.Listing text, Preliminary preliminary,
                                           String completedText) {
        return new PreparedTransfer(path, text, preliminary, completedText);
    }

    public static PreparedTransfer upload(TransferPayload.Store store, Preliminary preliminary) {
        return new PreparedTransfer(store.path(), store, preliminary, "Transfer complete");
    }

    public Direction direction() {
        return payload instanceof TransferPayload.Store ? Direction.IN : Direction.OUT;
    }

    /** Listings count as bytes but not as transfers in the metrics. */
    public boolean listing() {
        return payload instanceof TransferPayload.Listing;
    }

    /** Releases files and buffers when the transfer never starts. */
    public void discard() {
        payload.discard();
    }
}
