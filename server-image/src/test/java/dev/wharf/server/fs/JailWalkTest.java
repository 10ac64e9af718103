package dev.wharf.server.fs;

/** {@link JailTest}'s cases with the user-space O_NOFOLLOW walk ({@code storage.jail-fallback = nofollow-walk}). */
class JailWalkTest extends JailTest {

    @Override
    JailResolver.Kind kind() {
        return JailResolver.Kind.NOFOLLOW_WALK;
    }
}
