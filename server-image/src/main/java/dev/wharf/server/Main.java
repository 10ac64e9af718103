package dev.wharf.server;

/** Entry point of the Wharf transfer server; the command line is defined in {@code cli}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("wharf-server skeleton");
    }
}
