package dev.wharf.operator.render.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.config.ServerConfLines;
import java.util.List;

/**
 * Runs a rendered server.conf through the server's own parser and checks ({@code dev.wharf.config}, the
 * module the server's {@code ConfigFile} uses at start-up): a key or value the server would refuse fails
 * the operator's build instead of a pod at start-up.
 */
public final class ServerAccepts {

    private ServerAccepts() {}

    public static void check(ServerConf conf, String what) {
        String source = what + " (rendered server.conf)";
        List<String> problems = ServerConfLines.problems(ServerConfLines.parse(conf.text().lines().toList(), source), source);
        assertEquals(List.of(), problems, "the server would refuse what the operator rendered for " + what + ":\n" + conf.text());
    }
}
