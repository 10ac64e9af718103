package dev.wharf.operator.render.topology;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the operator needs from one node's {@code wharf-server topology} report (JSON version 1, owned by
 * the server: docs/topology.md). Unknown fields are ignored, so the server may add fields freely.
 *
 * @param numaNodes  online NUMA nodes with their CPU lists
 * @param interfaces every network interface with its NUMA node ({@code null}: unknown or no affinity)
 * @param storage    the storage path's device, or {@code null} when not reported
 */
public record NodeTopology(List<NumaNode> numaNodes, List<Nic> interfaces, Storage storage) {

    public record NumaNode(int id, String cpus) {
    }

    public record Nic(String name, Integer numaNode, String localCpus) {
    }

    public record Storage(String device, Integer numaNode, String localCpus) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, true);

    /**
     * Reads the first JSON document in {@code text} (the agent's log may carry lines before it).
     *
     * @throws IllegalArgumentException when there is no version-1 report in the text
     */
    public static NodeTopology parse(String text) {
        int start = text == null ? -1 : text.indexOf('{');
        if (start < 0) {
            throw new IllegalArgumentException("no topology report (no JSON object) in the agent's output");
        }
        JsonNode root;
        try (JsonParser parser = JSON.createParser(text.substring(start))) {
            root = JSON.readTree(parser);
        } catch (IOException e) {
            throw new IllegalArgumentException("topology report is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("version").asInt(0) != 1) {
            throw new IllegalArgumentException("topology report has version " + (root == null ? "none" : root.path("version"))
                    + "; this operator reads version 1");
        }
        List<NumaNode> nodes = new ArrayList<>();
        for (JsonNode n : root.path("nodes")) {
            nodes.add(new NumaNode(n.path("id").asInt(), text(n, "cpus")));
        }
        List<Nic> nics = new ArrayList<>();
        for (JsonNode n : root.path("interfaces")) {
            nics.add(new Nic(text(n, "name"), integer(n, "numaNode"), text(n, "localCpus")));
        }
        JsonNode s = root.path("storage");
        Storage storage = s.isObject() ? new Storage(text(s, "device"), integer(s, "numaNode"), text(s, "localCpus")) : null;
        return new NodeTopology(List.copyOf(nodes), List.copyOf(nics), storage);
    }

    public Optional<Nic> nic(String name) {
        return interfaces.stream().filter(n -> name.equals(n.name())).findFirst();
    }

    /** CPUs of one NUMA node, as a cpulist, or {@code null}. */
    public String cpusOf(Integer numaNode) {
        if (numaNode == null) {
            return null;
        }
        return numaNodes.stream().filter(n -> n.id() == numaNode).map(NumaNode::cpus).findFirst().orElse(null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.canConvertToInt() ? null : v.asInt();
    }
}
