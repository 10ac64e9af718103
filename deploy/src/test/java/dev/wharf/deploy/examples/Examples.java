package dev.wharf.deploy.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.wharf.deploy.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The manifests in {@code examples/}: every YAML document of every file, with the file it came from. */
public final class Examples {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public record Document(Path file, int index, JsonNode object) {
        public String kind() {
            return object.path("kind").asText();
        }

        public String name() {
            return object.path("metadata").path("name").asText();
        }

        public boolean isWharf() {
            return object.path("apiVersion").asText().startsWith("wharf.dev/");
        }

        @Override
        public String toString() {
            return file.getFileName() + "#" + index + " " + kind() + " " + name();
        }
    }

    private Examples() {}

    public static Path directory() {
        return RepoPaths.resolve("examples");
    }

    public static List<Path> files() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + directory(), e);
        }
    }

    public static List<Document> all() {
        List<Document> out = new ArrayList<>();
        for (Path f : files()) {
            out.addAll(documents(f));
        }
        return out;
    }

    public static List<Document> documents(Path file) {
        List<Document> out = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            int i = 0;
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    out.add(new Document(file, i++, node));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
        return out;
    }
}
