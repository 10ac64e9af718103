package dev.wharf.server.ftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.VirtualPaths;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Supplier;
import java.util.List;
import java.util.Set;

/**
 * The typed state of one control connection. Only the session's sequential executor reads and writes
 * it (commands run there one at a time), so there is no locking; values a command consumes (REST,
 * RNFR, the data endpoint) are cleared explicitly by that command.
 */
public final class FtpSession {

    public enum Type { ASCII, BINARY }

    public static final List<String> MLST_FACTS =
            List.of("Type", "Size", "Modify", "Perm", "Unique", "UNIX.mode", "UNIX.owner", "UNIX.group");

    private final SessionServices services;
    /** No ALLO since the last transfer. */
    public static final long NO_ANNOUNCED_SIZE = -1;

    private InetSocketAddress client;
    private final InetSocketAddress local;

    private String pendingUser;
    private int passwordFailures;
    private boolean pendingAnonymous;
    private Storage storage;
    private String cwd = "/";

    private Type type = Type.ASCII;
    private long restOffset;
    private long announcedSize = NO_ANNOUNCED_SIZE;
    private String renameFrom;
    private DataEndpoint dataEndpoint;
    private TransferMode transferMode = TransferMode.STREAM;
    private boolean epsvAll;
    private Set<String> mlstFacts = new LinkedHashSet<>(MLST_FACTS);
    private int dataSocketBuffer;
    private volatile io.netty.channel.EventLoop controlLoop;

    private boolean tlsControl;
    private boolean pbszSet;
    private boolean protectData;
    private Supplier<DataProtection> dataProtection = this::ftpsDataProtection;

    private TransferHandle transfer;
    private final Map<Class<?>, Object> extensions = new HashMap<>();

    public FtpSession(SessionServices services, InetSocketAddress client, InetSocketAddress local) {
        this.services = services;
        this.client = client;
        this.local = local;
        if (services.settings().implicitTls()) {
            tlsControl = true;
            pbszSet = true;
            protectData = true; // implicit FTPS implies PBSZ 0 / PROT P
        }
    }

    public SessionServices services() {
        return services;
    }

    public FtpSettings settings() {
        return services.settings();
    }

    public String door() {
        return services.door();
    }

    /** The client's address: the real one from a PROXY header when the door expects one. */
    public InetSocketAddress client() {
        return client;
    }

    void setClient(InetSocketAddress realClient) {
        this.client = realClient;
    }

    public InetSocketAddress local() {
        return local;
    }

    // ---- login

    public boolean loggedIn() {
        return storage != null;
    }

    public void userGiven(String name, boolean anonymous) {
        this.pendingUser = name;
        this.pendingAnonymous = anonymous;
        logout();
    }

    /** Counts a failed password of this session; returns how many there were so far. */
    public int passwordFailed() {
        return ++passwordFailures;
    }

    public String pendingUser() {
        return pendingUser;
    }

    public boolean pendingAnonymous() {
        return pendingAnonymous;
    }

    public void loggedIn(Storage storage, String home) {
        this.storage = storage;
        this.cwd = home;
        this.pendingUser = null;
    }

    private void logout() {
        if (storage != null) {
            storage.close();
        }
        this.storage = null;
        this.cwd = "/";
        this.renameFrom = null;
    }

    public Storage storage() {
        return storage;
    }

    public Identity identity() {
        return storage == null ? null : storage.identity();
    }

    public String who() {
        return storage == null ? "-" : storage.identity().principal();
    }

    // ---- paths

    public String cwd() {
        return cwd;
    }

    public void cwd(String path) {
        this.cwd = path;
    }

    /** Resolves a command argument against the working directory (refusals map to 550). */
    public String resolve(String argument) throws FtpException {
        try {
            return VirtualPaths.resolve(cwd, argument);
        } catch (StorageException e) {
            throw StorageReplies.toFtp(e, false);
        }
    }

    // ---- transfer parameters

    public Type type() {
        return type;
    }

    public void type(Type type) {
        this.type = type;
    }

    public long restOffset() {
        return restOffset;
    }

    public void restOffset(long offset) {
        this.restOffset = offset;
    }

    /** Returns and clears the REST offset (each transfer consumes it). */
    public long takeRestOffset() {
        long r = restOffset;
        restOffset = 0;
        return r;
    }

    /** ALLO's size for the next upload: a file that arrives shorter is not kept (issue 14 §2). */
    public void announceSize(long bytes) {
        this.announcedSize = bytes;
    }

    /** The size ALLO announced for the next transfer, or {@link #NO_ANNOUNCED_SIZE}; left in place. */
    public long announcedSize() {
        return announcedSize;
    }

    /** Returns and clears the announced size, or {@link #NO_ANNOUNCED_SIZE}; each transfer consumes it. */
    public long takeAnnouncedSize() {
        long a = announcedSize;
        announcedSize = NO_ANNOUNCED_SIZE;
        return a;
    }

    public String renameFrom() {
        return renameFrom;
    }

    public void renameFrom(String path) {
        this.renameFrom = path;
    }

    public boolean epsvAll() {
        return epsvAll;
    }

    public void epsvAll(boolean value) {
        this.epsvAll = value;
    }

    public Set<String> mlstFacts() {
        return mlstFacts;
    }

    public void mlstFacts(Set<String> facts) {
        this.mlstFacts = facts;
    }

    /** SO_SNDBUF/SO_RCVBUF of data connections arranged from now on (GridFTP SBUF); 0 = the kernel's. */
    public int dataSocketBuffer() {
        return dataSocketBuffer;
    }

    public void dataSocketBuffer(int bytes) {
        this.dataSocketBuffer = bytes;
    }

    /** The control connection's event loop (null in tests without one): passive data channels are served there. */
    public io.netty.channel.EventLoop controlLoop() {
        return controlLoop;
    }

    public void controlLoop(io.netty.channel.EventLoop loop) {
        this.controlLoop = loop;
    }

    /** How transfers move bytes (MODE S unless the door offers another and the client chose it). */
    public TransferMode transferMode() {
        return transferMode;
    }

    public void transferMode(TransferMode mode) {
        this.transferMode = mode;
    }

    /**
     * Replaces the arranged data connection, closing the previous one. A new one (PASV, PORT...) is kept
     * as the session's transfer mode keeps it.
     */
    public void dataEndpoint(DataEndpoint endpoint) {
        if (dataEndpoint != null) {
            dataEndpoint.close();
        }
        this.dataEndpoint = endpoint == null ? null : transferMode.arranged(this, endpoint);
    }

    /**
     * Closes the data connections the transfer mode keeps between transfers (MODE E's cached streams).
     * Commands that change how data channels are protected call this: a kept connection keeps the
     * protection it was set up with.
     */
    public void dropCachedDataConnections() {
        transferMode.dropCached(this);
    }

    /** The arranged data connection, left in place; null when there is none. */
    public DataEndpoint arrangedEndpoint() {
        return dataEndpoint;
    }

    public boolean hasDataEndpoint() {
        return dataEndpoint != null;
    }

    /** Takes the arranged data connection for a transfer (it serves one transfer). */
    public DataEndpoint takeDataEndpoint() {
        DataEndpoint e = dataEndpoint;
        dataEndpoint = null;
        return e;
    }

    // ---- TLS

    public boolean tlsControl() {
        return tlsControl;
    }

    public void tlsControl(boolean value) {
        this.tlsControl = value;
        if (!value) {
            pbszSet = false;
        }
    }

    public boolean pbszSet() {
        return pbszSet;
    }

    public void pbszSet(boolean value) {
        this.pbszSet = value;
    }

    public boolean protectData() {
        return protectData;
    }

    public void protectData(boolean value) {
        this.protectData = value;
    }

    /** How the next data connections are protected: by default the FTPS rule (TLS after PROT P). */
    public DataProtection dataProtection() {
        return dataProtection.get();
    }

    /** Replaces the FTPS rule, for doors with another security layer (GridFTP DCAU). */
    public void dataProtection(Supplier<DataProtection> source) {
        this.dataProtection = source;
    }

    private DataProtection ftpsDataProtection() {
        return protectData && services.tls() != null ? DataProtection.tls(services.tls()) : DataProtection.CLEAR;
    }

    // ---- the running transfer

    public TransferHandle transfer() {
        return transfer;
    }

    void transfer(TransferHandle handle) {
        this.transfer = handle;
    }

    // ---- state another door's commands keep per session (the GridFTP door's security context)

    /** The session's {@code type} state, created on first use. */
    public <T> T extension(Class<T> type, Supplier<T> create) {
        return type.cast(extensions.computeIfAbsent(type, k -> create.get()));
    }

    /** Closes what the session holds when the control connection goes away. */
    void closed(String reason) {
        if (transfer != null) {
            transfer.abort(reason);
        }
        if (storage != null) {
            storage.close(); // the jail's root descriptor; transfers hold descriptors of their own
        }
        dataEndpoint(null);
        for (Object extension : extensions.values()) {
            if (extension instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // nothing to do at session end
                }
            }
        }
    }
}
