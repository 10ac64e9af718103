package dev.wharf.server.acl;

import dev.wharf.server.metrics.Direction;
import dev.wharf.server.metrics.ServerMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records accessDenied calls as "door/operation". */
final class CountingMetrics implements ServerMetrics {
    final List<String> denials = new CopyOnWriteArrayList<>();

    @Override public void sessionOpened(String door) {}
    @Override public void sessionClosed(String door) {}
    @Override public void login(String door, String result) {}
    @Override public void bytes(String door, Direction direction, long count) {}
    @Override public void transfer(String door, Direction direction, String outcome) {}

    @Override
    public void accessDenied(String door, String operation) {
        denials.add(door + "/" + operation);
    }
}
