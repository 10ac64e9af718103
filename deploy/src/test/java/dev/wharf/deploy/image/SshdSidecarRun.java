package dev.wharf.deploy.image;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import dev.wharf.deploy.RepoPaths;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * One sshd sidecar of the real server image, started from the files the operator renders and mounted the
 * way the rendered StatefulSet says ({@code operator/src/test/resources/sshd-sidecar/}, kept equal to the
 * renderer's output by the operator's {@code SshdSidecarFilesTest}): the same arguments to the image's
 * entry point, uid and gid, dropped capabilities, read-only root file system, no privilege escalation,
 * and a mount for every volume mount. ConfigMap and Secret volumes become read-only bind mounts of
 * root-owned files (mode 0444, as the kubelet writes them); emptyDirs become tmpfs with mode 0777 (the
 * kubelet's emptyDir mode); the pool's hostPath a scratch directory.
 *
 * <p>Two departures, both for this machine's shared host network: the allocated port (2802 in the files)
 * is replaced by a free one, and sshd is told {@code -o ListenAddress=IP} through the script's extra
 * arguments, so each sidecar listens on its own loopback address only (127.0.0.2, 127.0.0.3, ...), as each
 * pod has its own node in a cluster. The hostsfile names resolve to those addresses through the
 * containers' /etc/hosts ({@code --add-host}), where a cluster's DNS would answer with the node's address.
 */
final class SshdSidecarRun implements AutoCloseable {

    static final Path FILES = RepoPaths.resolve("operator/src/test/resources/sshd-sidecar");
    static final int RENDERED_PORT = 2802;
    /** One loopback address per pod, as one node per pod in a cluster. */
    static final List<String> ADDRESSES = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");

    /** The node name the pod on {@code address} gets through the downward API. */
    static String nodeName(String address) {
        return "node-" + address.replace('.', '-');
    }

    private final GenericContainer<?> container;
    private final StringBuffer log;

    private SshdSidecarRun(GenericContainer<?> container, StringBuffer log) {
        this.container = container;
        this.log = log;
    }

    /** The job's hosts as rendered into /var/hostsfile. */
    static List<String> hostsfile() throws IOException {
        return Files.readAllLines(FILES.resolve("job/hostsfile"));
    }

    /**
     * Copies the rendered files to {@code stage} with the port replaced by {@code port} and the user's
     * public key as authorized_keys (the content of the user's Secret).
     */
    static Path stage(Path stage, int port, String userPublicKey) throws IOException {
        for (String dir : List.of("config", "keys", "job")) {
            Map<String, String> files = new LinkedHashMap<>();
            try (Stream<Path> listed = Files.list(FILES.resolve(dir))) {
                for (Path f : listed.sorted().toList()) {
                    files.put(f.getFileName().toString(), Files.readString(f));
                }
            }
            if (dir.equals("config")) {
                files.put("sshd_config", replaceOnce(files.get("sshd_config"), "\nPort " + RENDERED_PORT + "\n", "\nPort " + port + "\n"));
                files.put("ssh_config", replaceOnce(files.get("ssh_config"), "\n    Port " + RENDERED_PORT + "\n", "\n    Port " + port + "\n"));
            }
            if (dir.equals("keys")) {
                files.put("authorized_keys", userPublicKey);
            }
            if (dir.equals("job")) {
                // node → endpoint host as the operator writes it from the Node objects; here each "node" is a loopback address
                files.put("endpoint-hosts", ADDRESSES.stream().map(a -> nodeName(a) + " " + a + "\n").collect(Collectors.joining()));
            }
            writeVolume(stage.resolve(dir), files, "..2026_01_01_00_00_00.000000001");
        }
        Files.createDirectories(stage.resolve("data"));
        protect(stage);
        return stage;
    }

    /**
     * Writes a ConfigMap or Secret volume the way the kubelet's atomic writer does: the files in a
     * timestamped directory, {@code ..data} linking to it, and one link per key through {@code ..data}.
     * A new version is a new directory and one atomic rename of {@code ..data}, which running containers
     * see through a directory mount (not through a subPath mount of one file).
     */
    static void writeVolume(Path volume, Map<String, String> files, String version) throws IOException {
        Path dir = Files.createDirectories(volume.resolve(version));
        for (var f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
            Files.setPosixFilePermissions(dir.resolve(f.getKey()), PosixFilePermissions.fromString("r--r--r--"));
            Path link = volume.resolve(f.getKey());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of("..data").resolve(f.getKey()));
            }
        }
        Path next = volume.resolve("..data_tmp");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, Path.of(version));
        Files.move(next, volume.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Files 0444 and directories 0755, owned by the test's user (root here), as the kubelet's volumes. */
    static void protect(Path stage) throws IOException {
        try (Stream<Path> all = Files.walk(stage)) {
            for (Path p : all.filter(p -> !Files.isSymbolicLink(p)).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p)
                        ? (p.endsWith("data") ? "rwxrwxrwx" : "rwxr-xr-x") : "r--r--r--"));
            }
        }
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new AssertionError("the rendered file should hold '" + from.strip() + "' exactly once:\n" + text);
        }
        return text.replace(from, to);
    }

    /**
     * Starts pod {@code podName}'s sidecar from {@code stage}, listening on {@code address}; {@code hosts}
     * are its extra /etc/hosts entries (name → loopback address).
     */
    static SshdSidecarRun start(Path stage, String podName, String address, int port, Map<String, String> hosts)
            throws IOException {
        StatefulSet sts = statefulSet();
        Container sshd = sts.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("sshd")).findFirst().orElseThrow();
        Map<String, Volume> volumes = sts.getSpec().getTemplate().getSpec().getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, Function.identity()));
        List<Bind> binds = new ArrayList<>();
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (VolumeMount m : sshd.getVolumeMounts()) {
            Volume v = volumes.get(m.getName());
            if (v.getEmptyDir() != null) {
                tmpfs.put(m.getMountPath(), "rw,mode=0777");
                continue;
            }
            Path source;
            if (v.getConfigMap() != null) {
                source = stage.resolve(v.getConfigMap().getName().endsWith("-hosts") ? "job" : "config");
            } else if (v.getSecret() != null) {
                source = stage.resolve("keys");
            } else if (v.getHostPath() != null) {
                source = stage.resolve("data");
                if (m.getSubPath() != null) {
                    // the pod's init container makes the server's subtree of the pool before the sidecar starts
                    Files.setPosixFilePermissions(Files.createDirectories(source.resolve(m.getSubPath())),
                            PosixFilePermissions.fromString("rwxrwxrwx"));
                }
            } else {
                throw new AssertionError("the test does not know how to mount volume " + v);
            }
            if (m.getSubPath() != null) {
                // the kubelet bind-mounts the file the key's link resolves to, once: later versions never arrive
                source = source.resolve(m.getSubPath()).toRealPath();
            }
            binds.add(Bind.parse(source + ":" + m.getMountPath() + (Boolean.TRUE.equals(m.getReadOnly()) ? ":ro" : "")));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : sshd.getEnv()) {
            String field = e.getValueFrom().getFieldRef().getFieldPath();
            env.put(e.getName(), field.equals("metadata.name") ? podName : nodeName(address));
        }
        var sc = sshd.getSecurityContext();
        List<String> args = new ArrayList<>(sshd.getArgs());
        args.addAll(List.of("-o", "ListenAddress=" + address));
        StringBuffer log = new StringBuffer();
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(WharfImages.build().server()))
                .withNetworkMode("host")
                .withEnv(env)
                .withCommand(args.toArray(String[]::new))
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withUser(sc.getRunAsUser() + ":" + sc.getRunAsGroup());
                    cmd.getHostConfig()
                            .withCapDrop(Capability.ALL)
                            .withReadonlyRootfs(Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()))
                            .withSecurityOpts(Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())
                                    ? List.of("no-new-privileges") : List.of())
                            .withBinds(binds)
                            .withTmpFs(tmpfs)
                            .withExtraHosts(hosts.entrySet().stream().map(h -> h.getKey() + ":" + h.getValue())
                                    .toArray(String[]::new));
                })
                .withLogConsumer(f -> log.append(f.getUtf8String()))
                .withStartupAttempts(1)
                .waitingFor(Wait.forLogMessage(".*Server listening on " + address.replace(".", "\\.") + " port " + port + ".*", 1)
                        .withStartupTimeout(Duration.ofMinutes(1)));
        try {
            c.start();
        } catch (RuntimeException e) {
            throw new AssertionError("the sshd sidecar did not start; its output:\n" + log, e);
        }
        return new SshdSidecarRun(c, log);
    }

    static StatefulSet statefulSet() {
        try {
            return Serialization.unmarshal(Files.readString(FILES.resolve("statefulset.yaml")), StatefulSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logs() {
        return log.toString();
    }

    @Override
    public void close() {
        container.stop();
    }
}
