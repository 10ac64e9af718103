package dev.wharf.operator.render.conf;

import dev.wharf.config.ServerConfLines;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered server.conf: its keys in the order they are written, and the file text.
 *
 * @param header comment lines written above the keys (without the leading {@code # })
 * @param keys   key → value, in file order
 */
public record ServerConf(String header, Map<String, String> keys) {

    public ServerConf {
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /**
     * What the server would refuse in this file, each as {@code source:line: problem}: the server's own
     * parser and checks ({@code dev.wharf.config.ServerConfLines}: unknown keys, types and ranges, CIDRs,
     * addresses, paths, the rules between keys); empty when it would start with it.
     */
    public List<String> problems(String source) {
        return ServerConfLines.problems(ServerConfLines.parse(text().lines().toList(), source), source);
    }

    /** The file as the server reads it: {@code key = value} lines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String line : header.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        keys.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }
}
