package dev.wharf.server.ftp;

/**
 * A command table entry: the verb, its implementation and the policy the session handler applies
 * before calling it, so no command repeats these checks.
 *
 * @param needsLogin 530 before a successful login
 * @param duringTransfer served at once while a transfer runs (ABOR, STAT, QUIT...); others wait for it
 * @param feature the FEAT line without its leading space, or null
 * @param help the HELP text ("VERB args: what it does")
 */
public record CommandSpec(String verb, FtpCommand command, boolean needsLogin, boolean duringTransfer,
                          String feature, String help) {}
