package dev.wharf.server;

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
        if (!enabled) {
            return null;
        }
        Door door = factory.create(context, read, shared);
        shared.get(DoorDirectory.class, DoorDirectory::new).add(door);
        return door;
    }
}
