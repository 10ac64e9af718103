package dev.wharf.server;

import dev.wharf.server.cli.WharfCommand;

/** Entry point of the Wharf transfer server; the command line is defined in {@code cli.WharfCommand}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(WharfCommand.run(args));
    }
}
