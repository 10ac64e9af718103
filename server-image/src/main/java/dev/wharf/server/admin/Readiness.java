package dev.wharf.server.admin;

/**
 * The process's answer to {@code /readyz}: not ready while doors are still binding, ready once every
 * enabled door accepts connections, and not ready again as soon as shutdown begins so a load balancer
 * stops sending new clients before the listeners close.
 */
public final class Readiness {

    public enum State { STARTING, READY, STOPPING }

    private volatile State state = State.STARTING;

    public void ready() {
        if (state == State.STARTING) {
            state = State.READY;
        }
    }

    public void stopping() {
        state = State.STOPPING;
    }

    public State state() {
        return state;
    }

    public boolean isReady() {
        return state == State.READY;
    }
}
