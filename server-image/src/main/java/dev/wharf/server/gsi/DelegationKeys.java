package dev.wharf.server.gsi;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fresh RSA key pairs for delegation without making the client wait for their generation (2048-bit
 * generation takes tens to hundreds of milliseconds, on every gsiftp login that delegates). A background
 * thread keeps a few spares per key size; each pair is handed out once and never reused (unlike caching
 * one pair across sessions). When the spares run out, the caller generates its own.
 */
final class DelegationKeys {

    static final DelegationKeys SHARED = new DelegationKeys(2);

    private final int spares;
    private final Map<Integer, BlockingQueue<KeyPair>> pools = new ConcurrentHashMap<>();
    private final ExecutorService filler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gsi-keygen");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    DelegationKeys(int spares) {
        this.spares = spares;
    }

    /** Starts filling the pool for {@code bits} ahead of the first delegation. */
    void prepare(int bits) {
        refill(pool(bits), bits);
    }

    /** A key pair nobody else has received. */
    KeyPair take(int bits) {
        BlockingQueue<KeyPair> pool = pool(bits);
        KeyPair spare = pool.poll();
        refill(pool, bits);
        return spare != null ? spare : generate(bits);
    }

    private BlockingQueue<KeyPair> pool(int bits) {
        return pools.computeIfAbsent(bits, b -> new ArrayBlockingQueue<>(spares));
    }

    private void refill(BlockingQueue<KeyPair> pool, int bits) {
        filler.execute(() -> {
            while (pool.remainingCapacity() > 0) {
                pool.offer(generate(bits));
            }
        });
    }

    static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair: " + e.getMessage(), e);
        }
    }
}
