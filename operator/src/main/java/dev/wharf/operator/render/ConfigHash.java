package dev.wharf.operator.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One hash over everything a transfer pod reads only at start (server.conf and the copied credentials the
 * server does not re-read, see {@link ReloadableFiles}). It goes into a pod-template annotation, so a change
 * to any of them rolls the pods, and nothing else does.
 */
public final class ConfigHash {

    private ConfigHash() {
    }

    public static String of(ConfigMap config, List<Secret> secrets) {
        return of(List.of(config), secrets);
    }

    /** The first ConfigMap is server.conf's; others (the sshd sidecar's) are told apart by name. */
    public static String of(List<ConfigMap> configs, List<Secret> secrets) {
        StringBuilder sb = new StringBuilder();
        append(sb, "configmap", configs.get(0).getData());
        configs.stream().skip(1).sorted(Comparator.comparing(c -> c.getMetadata().getName()))
                .forEach(c -> append(sb, "configmap/" + c.getMetadata().getName(), c.getData()));
        secrets.stream()
                .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                .forEach(s -> append(sb, "secret/" + s.getMetadata().getName(), s.getData()));
        return ObjectNames.sha256(sb.toString());
    }

    private static void append(StringBuilder sb, String source, Map<String, String> data) {
        if (data == null) {
            return;
        }
        new TreeMap<>(data).forEach((k, v) -> sb.append(source).append(':').append(k).append('=')
                .append(v.length()).append(':').append(v).append('\n'));
    }
}
