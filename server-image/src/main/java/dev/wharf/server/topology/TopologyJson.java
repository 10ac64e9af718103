package dev.wharf.server.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link Topology} as the version-1 JSON document of docs/topology.md. The node agent
 * publishes this for the operator: fields are only ever added, never renamed or retyped, without
 * raising {@link #VERSION}. Unknown values are JSON {@code null}, CPU sets are cpulist strings.
 */
public final class TopologyJson {

    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopologyJson() {}

    public static ObjectNode render(Topology t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("sysfsRoot", t.sysfsRoot());
        root.put("numa", t.numa());
        ArrayNode nodes = root.putArray("nodes");
        for (NumaNode n : t.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("cpus", n.cpus().toString());
            ArrayNode d = o.putArray("distances");
            n.distances().forEach(d::add);
        }
        root.put("allowedCpus", t.allowedCpus().toString());
        if (t.cgroupCpuset() == null) {
            root.putNull("cgroupCpuset");
        } else {
            ObjectNode c = root.putObject("cgroupCpuset");
            c.put("cgroupVersion", t.cgroupCpuset().version());
            c.put("path", t.cgroupCpuset().path());
            c.put("cpus", t.cgroupCpuset().cpus().toString());
        }
        ArrayNode nics = root.putArray("interfaces");
        t.nics().forEach(n -> nic(nics.addObject(), n));
        if (t.dataInterfaceRequested() == null) {
            root.putNull("dataInterface");
        } else {
            ObjectNode d = root.putObject("dataInterface");
            d.put("requested", t.dataInterfaceRequested());
            d.put("name", t.dataInterface() == null ? null : t.dataInterface().name());
        }
        if (t.storage() == null) {
            root.putNull("storage");
        } else {
            storage(root.putObject("storage"), t.storage());
        }
        ArrayNode w = root.putArray("warnings");
        t.warnings().forEach(w::add);
        return root;
    }

    public static String toJson(Topology t) {
        try {
            return MAPPER.writeValueAsString(render(t));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render topology", e);
        }
    }

    private static void nic(ObjectNode o, Nic n) {
        o.put("name", n.name());
        o.put("virtual", n.virtual());
        o.put("numaNode", n.numaNode());
        o.put("localCpus", cpus(n.localCpus()));
        ArrayNode lower = o.putArray("lower");
        n.lower().forEach(lower::add);
    }

    private static void storage(ObjectNode o, Storage s) {
        o.put("path", s.path());
        o.put("mountPoint", s.mountPoint());
        o.put("fsType", s.fsType());
        o.put("source", s.source());
        o.put("majorMinor", s.majorMinor());
        o.put("device", s.device());
        ArrayNode layers = o.putArray("layers");
        s.layers().forEach(layers::add);
        ArrayNode disks = o.putArray("disks");
        for (Storage.Disk d : s.disks()) {
            ObjectNode x = disks.addObject();
            x.put("name", d.name());
            x.put("numaNode", d.numaNode());
            x.put("localCpus", cpus(d.localCpus()));
        }
        o.put("numaNode", s.numaNode());
        o.put("localCpus", cpus(s.localCpus()));
    }

    private static String cpus(CpuSet c) {
        return c == null ? null : c.toString();
    }
}
