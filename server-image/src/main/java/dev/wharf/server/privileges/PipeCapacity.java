package dev.wharf.server.privileges;

/**
 * Pipe capacity for splice (F_SETPIPE_SZ). Up to {@code fs.pipe-max-size} any process may raise it;
 * beyond needs CAP_SYS_RESOURCE. Whoever creates a splice pipe calls {@link #set} with
 * {@link Privileges#pipeSize()}, which start-up has already checked.
 */
public final class PipeCapacity {

    private PipeCapacity() {}

    /**
     * @return the capacity the kernel gave (a power-of-two number of pages, at least {@code bytes})
     * @throws com.sun.jna.LastErrorException EPERM beyond the ceiling without CAP_SYS_RESOURCE
     */
    public static int set(int fd, int bytes) {
        return LibC.setPipeSize(fd, bytes);
    }
}
