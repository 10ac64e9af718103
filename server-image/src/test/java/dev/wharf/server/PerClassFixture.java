package dev.wharf.server;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Something a test class starts once in its {@code @TempDir} and stops after its last test, registered with
 * {@code @RegisterExtension static final ... = new ...(() -> tmp, ...)}. The class's own {@code @BeforeAll}
 * methods run after {@link #start} and may add to what it set up.
 */
public abstract class PerClassFixture implements BeforeAllCallback, AfterAllCallback {

    // a supplier: JUnit injects the class's @TempDir after the field holding this extension is initialised
    private final Supplier<Path> directory;

    protected PerClassFixture(Supplier<Path> directory) {
        this.directory = directory;
    }

    /** Starts in {@code dir}; a failure fails the class, and {@link #stop} still runs. */
    protected abstract void start(Path dir) throws Exception;

    /** Stops whatever {@link #start} got running, even when it failed half-way. */
    protected abstract void stop();

    @Override
    public final void beforeAll(ExtensionContext context) throws Exception {
        start(directory.get());
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        stop();
    }
}
