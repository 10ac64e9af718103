package dev.wharf.server.ftp;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verb → {@link CommandSpec}, immutable once built. The door refuses to start when a mandatory verb
 * has no command (James' wiring check), so a missing registration is a start-up error, not a 500.
 */
public final class CommandTable {

    /** The verbs issue 2 requires of the FTP door. */
    public static final Set<String> MANDATORY = Set.of("USER", "PASS", "CWD", "CDUP", "PWD", "TYPE", "MODE",
            "STRU", "PASV", "EPSV", "PORT", "EPRT", "RETR", "STOR", "APPE", "STOU", "REST", "SIZE", "MDTM", "MLST",
            "MLSD", "LIST", "NLST", "DELE", "MKD", "RMD", "RNFR", "RNTO", "ABOR", "STAT", "SYST", "FEAT", "OPTS",
            "HELP", "NOOP", "QUIT", "SITE", "ALLO", "AUTH", "PBSZ", "PROT", "CCC");

    private final Map<String, CommandSpec> specs;

    private CommandTable(Map<String, CommandSpec> specs) {
        this.specs = Map.copyOf(specs);
    }

    public CommandSpec get(String verb) {
        return specs.get(verb);
    }

    public Collection<CommandSpec> all() {
        return specs.values();
    }

    /** FEAT lines, sorted, each without its leading space. */
    public List<String> features() {
        return specs.values().stream().map(CommandSpec::feature).filter(f -> f != null).distinct().sorted().toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, CommandSpec> specs = new LinkedHashMap<>();

        public Builder add(CommandSpec spec) {
            if (specs.put(spec.verb(), spec) != null) {
                throw new IllegalStateException("verb registered twice: " + spec.verb());
            }
            return this;
        }

        /** Replaces a registered verb (the GridFTP door's AUTH, USER, FEAT...). */
        public Builder replace(CommandSpec spec) {
            if (specs.put(spec.verb(), spec) == null) {
                throw new IllegalStateException("no verb to replace: " + spec.verb());
            }
            return this;
        }

        /** Changes a registered verb's HELP text (a door whose extensions change what the verb accepts). */
        public Builder describe(String verb, String help) {
            CommandSpec s = specs.get(verb);
            if (s == null) {
                throw new IllegalStateException("no verb to describe: " + verb);
            }
            specs.put(verb, new CommandSpec(verb, s.command(), s.needsLogin(), s.duringTransfer(), s.feature(), help));
            return this;
        }

        /** Registers the same command under an alias (RFC 775 X-verbs). */
        public Builder alias(String alias, String verb) {
            CommandSpec s = specs.get(verb);
            return add(new CommandSpec(alias, s.command(), s.needsLogin(), s.duringTransfer(), null, s.help()));
        }

        public CommandTable build(Set<String> mandatory) {
            for (String verb : mandatory) {
                if (!specs.containsKey(verb)) {
                    throw new IllegalStateException("no command registered for mandatory verb " + verb);
                }
            }
            return new CommandTable(specs);
        }
    }
}
