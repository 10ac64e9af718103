package dev.wharf.operator.render.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * Runs a rendered server.conf through the server's own parser and checks ({@link ServerConf#problems}, the
 * code the server's {@code ConfigFile} runs at start-up): a key or value the server would refuse fails the
 * operator's build instead of a pod at start-up.
 */
public final class ServerAccepts {

    private ServerAccepts() {}

    public static void check(ServerConf conf, String what) {
        assertEquals(List.of(), conf.problems(what + " (rendered server.conf)"),
                "the server would refuse what the operator rendered for " + what + ":\n" + conf.text());
    }
}
