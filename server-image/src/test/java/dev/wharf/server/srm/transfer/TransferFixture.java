package dev.wharf.server.srm.transfer;

import dev.wharf.server.acl.AccessDecision;
import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.GuardedStorage;
import dev.wharf.server.fs.Jail;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.metrics.ServerMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TransferService} over a real jail in a temporary directory, a hand-moved clock and a
 * background queue the test runs itself: storage, ACL and lifetime rules without any SOAP or network.
 */
final class TransferFixture implements AutoCloseable {

    static final Identity ALICE = new Identity("/C=UK/O=Test/CN=Alice", Identity.Method.GSI, Set.of(), "alice");
    static final Identity BOB = new Identity("/C=UK/O=Test/CN=Bob", Identity.Method.GSI, Set.of(), "bob");

    final Path root;
    final TestClock clock = new TestClock();
    final List<Runnable> background = new ArrayList<>();
    final List<Storage> opened = new ArrayList<>();
    /** Level granted to everyone on every path; tests lower it. */
    AccessLevel granted = AccessLevel.ADMIN;
    boolean serverOverwrite = true;
    final RequestStore store;
    final TransferService service;

    TransferFixture(Path root, TransferLimits limits) {
        this.root = root;
        this.store = new RequestStore(limits, clock);
        TurlPlanner planner = new TurlPlanner(d -> d.equals("gridftp") ? Optional.of(new InetSocketAddress("127.0.0.1", 2811)) : Optional.empty(),
                Optional.empty(), InetAddress.getLoopbackAddress(), Optional.empty());
        this.service = new TransferService(store, planner, this::storage, background::add, true);
    }

    TransferFixture(Path root) {
        this(root, new TransferLimits(100, 50, 100, Duration.ofMinutes(10), Duration.ofHours(1), Optional.empty()));
    }

    TransferService service(boolean overwrite) {
        TurlPlanner planner = new TurlPlanner(d -> d.equals("gridftp") ? Optional.of(new InetSocketAddress("127.0.0.1", 2811)) : Optional.empty(),
                Optional.empty(), InetAddress.getLoopbackAddress(), Optional.empty());
        return new TransferService(store, planner, this::storage, background::add, overwrite);
    }

    Storage storage(Identity who) throws IOException {
        AccessPolicy policy = (w, op, path) -> granted.includes(op.required())
                ? AccessDecision.allow(granted, "test") : AccessDecision.deny(granted, "test");
        Storage s = new GuardedStorage(new Jail(root), policy, new SessionStorage.Login("srm", who, false, serverOverwrite),
                ServerMetrics.NONE, null);
        opened.add(s);
        return s;
    }

    static TransferService.Ask ask(String... paths) {
        List<TransferService.Target> targets = new ArrayList<>();
        for (String p : paths) {
            targets.add(TransferService.Target.of("srm://localhost:8443/srm/managerv2?SFN=" + p, p));
        }
        return new TransferService.Ask(targets, List.of(), null, null);
    }

    static TransferService.Ask overwriting(String path) {
        TransferService.Ask a = ask(path);
        return new TransferService.Ask(a.targets(), a.protocols(), null, "ALWAYS");
    }

    static void write(Storage storage, String path, String content) throws StorageException, IOException {
        Upload u = begin(storage, path, content);
        u.commit(content.length());
    }

    /** An upload as the gsiftp door runs one: written to a temporary, visible only at commit. */
    static Upload begin(Storage storage, String path, String content) throws StorageException, IOException {
        Upload u = storage.openUpload(path, UploadMode.REPLACE, 0);
        u.channel().write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        return u;
    }

    void runBackground() {
        List<Runnable> now = new ArrayList<>(background);
        background.clear();
        now.forEach(Runnable::run);
    }

    @Override
    public void close() {
        opened.forEach(Storage::close);
    }
}
