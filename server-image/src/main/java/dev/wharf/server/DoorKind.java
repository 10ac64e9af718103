package dev.wharf.server;

import dev.wharf.config.ConfigKey;
import dev.wharf.config.ServerConfSchema;
import dev.wharf.server.config.ConfigFile;
import java.util.function.Function;

/**
 * One row of {@link DoorTable}: a kind of door the server can run.
 *
 * @param name the door's name; {@code <name>.enabled} (declared in the schema, with whether it runs when
 *             server.conf says nothing) switches it on or off
 * @param settings reads the door's keys; called for disabled doors too, so their keys are known
 * @param factory builds the door from the shared context and its settings (not yet bound)
 */
public record DoorKind<S>(String name, Function<ConfigFile, S> settings, Factory<S> factory) {

    /**
     * A row written with its own default: it must be the schema's (checked here, so the table cannot even
     * load otherwise), and is not used. Kept so rows written before the schema held it still compile.
     */
    @Deprecated
    public DoorKind(String name, boolean enabledByDefault, Function<ConfigFile, S> settings, Factory<S> factory) {
        this(name, settings, factory);
        ServerConfSchema.key(enabledKey()).map(ConfigKey::defaultValue).map(Boolean::parseBoolean)
                .filter(declared -> declared != enabledByDefault)
                .ifPresent(declared -> {
                    throw new IllegalStateException(enabledKey() + ": the door table says " + enabledByDefault
                            + " by default, the schema " + declared);
                });
    }

    @FunctionalInterface
    public interface Factory<S> {
        Door create(ServerContext context, S settings, SharedResources shared);
    }

    public String enabledKey() {
        return name + ".enabled";
    }

    /** Reads the settings and, when enabled, builds the door; null when disabled. */
    Door buildIfEnabled(ServerContext context, SharedResources shared) {
        S read = settings.apply(context.config());
        boolean enabled = context.config().declaredBoolean(enabledKey());
        return enabled ? factory.create(context, read, shared) : null;
    }
}
