package dev.wharf.server;

import dev.wharf.server.cli.WharfCommand;
import dev.wharf.server.gsi.GsiJvmSettings;
import dev.wharf.server.tls.JvmTlsSettings;

/** Entry point of the Wharf transfer server; the command line is defined in {@code cli.WharfCommand}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        GsiJvmSettings.apply(); // before anything touches TLS
        JvmTlsSettings.apply();
        System.exit(WharfCommand.run(args));
    }
}
