package dev.wharf.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Multi-document Kubernetes YAML into typed Fabric8 objects (unknown kinds become generic resources). */
public final class Manifests {
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    public static Manifests parse(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : DOCUMENT_SEPARATOR.split(yaml)) {
            if (isBlankDocument(doc)) {
                continue;
            }
            out.add(Serialization.unmarshal(doc, HasMetadata.class));
        }
        return new Manifests(out);
    }

    public static Manifests load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** True when a YAML document holds nothing but comments and whitespace. */
    static boolean isBlankDocument(String doc) {
        return doc.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
    }

    public List<HasMetadata> all() {
        return objects;
    }

    public <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return ofType(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
                .findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        return find(type, namespace, name).orElseThrow(() -> new AssertionError(
                "no " + type.getSimpleName() + " " + namespace + "/" + name + " among " + summary()));
    }

    public String summary() {
        return objects.stream()
                .map(o -> o.getKind() + " " + (o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace() + "/")
                        + o.getMetadata().getName())
                .toList()
                .toString();
    }
}
