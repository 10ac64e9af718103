package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WharfCommandTest {

    static Map<String, String> overrides(String... args) {
        WharfCommand command = new WharfCommand();
        WharfCommand.commandLine(command).parseArgs(args);
        return command.overrides();
    }

    @Test
    void mdtmFtpFlagsOverrideTheirKeys() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("control.interface", "127.0.0.2");
        expected.put("data.interface", "127.0.0.3");
        expected.put("auth.password-file", "passfile");
        expected.put("ftp.port", "5050");
        expected.put("log.file", "mdtmftp.log");
        expected.put("log.level", "all");
        assertEquals(expected, overrides("-control-interface", "127.0.0.2", "-data-interface", "127.0.0.3",
                "-password-file", "passfile", "-p", "5050", "-c", "server.conf", "-l", "mdtmftp.log", "-log-level", "all"));
    }

    @Test
    void singleDashLongNamesAreNeverReadAsClusteredShortOptions() {
        WharfCommand command = new WharfCommand();
        WharfCommand.commandLine(command).parseArgs("-control-interface", "127.0.0.2", "-log-level", "debug");
        assertEquals(null, command.configFile, "-control-interface is not -c ontrol-interface");
        assertEquals(null, command.logFile, "-log-level is not -l og-level");
        assertEquals("127.0.0.2", command.controlInterface);
    }

    /** A password file called passwd is the natural name; picocli took it for the passwd sub-command. */
    @Test
    void everyOptionAcceptsAnyFileNameEvenASubCommandsOrAnOptionsName() {
        for (String name : new String[] {"passwd", "topology", "acl", "-p", "-c", "--help"}) {
            assertEquals(name, overrides("-password-file", name).get("auth.password-file"), name);
            assertEquals(name, overrides("-l", name, "-p", "21").get("log.file"), name);
            WharfCommand command = new WharfCommand();
            WharfCommand.commandLine(command).parseArgs("-c", name, "-password-file", "passwd");
            assertEquals(java.nio.file.Path.of(name), command.configFile, name);
            assertEquals("passwd", command.passwordFile);
        }
    }

    @Test
    void noFlagsMeansNoOverrides() {
        assertEquals(Map.of(), overrides());
    }

    @Test
    void helpListsTheFlagsAndTheSubCommands() {
        StringWriter out = new StringWriter();
        CommandLine line = WharfCommand.commandLine(new WharfCommand());
        line.setOut(new PrintWriter(out));
        assertEquals(0, line.execute("--help"));
        for (String word : new String[] {"-control-interface", "-data-interface", "-password-file", "-p=PORT", "-c=FILE",
            "-l=LOGFILE", "-log-level", "passwd", "topology", "acl"}) {
            assertTrue(out.toString().contains(word), word + " missing in:\n" + out);
        }
    }

    /** Starts the real command with {@code text} as its -c file, which must stop it with exit code 2; its stderr. */
    private static String refusedStart(java.nio.file.Path conf, String text) throws Exception {
        java.nio.file.Files.writeString(conf, text);
        StringWriter err = new StringWriter();
        CommandLine line = WharfCommand.commandLine(new WharfCommand());
        line.setErr(new PrintWriter(err));
        assertEquals(2, line.execute("-c", conf.toString()));
        return err.toString();
    }

    @Test
    void aMissingFileIsNamedWithTheLineOfItsKey(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path conf = dir.resolve("server.conf");
        String err = refusedStart(conf, "privileges.memory-lock = off\nprivileges.net-nice = 0\nadmin.port = 0\n"
                + "ftp.port = 0\ntls.certificate = /nonexistent/cert.pem\ntls.key = /nonexistent/key.pem\n");
        assertTrue(err.startsWith("wharf-server: " + conf + ":5: tls.certificate = /nonexistent/cert.pem: file not found"), err);
    }

    @Test
    void aBadConfigurationIsOneLineOnStderrAndExitCode2(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path conf = dir.resolve("server.conf");
        String err = refusedStart(conf, "admin.port = 0\nftp.prot = 21\n");
        assertTrue(err.startsWith("wharf-server: " + conf + ":2: unknown key ftp.prot (did you mean ftp.port?)"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void anUnknownLogLevelIsAConfigError() {
        StringWriter err = new StringWriter();
        CommandLine line = WharfCommand.commandLine(new WharfCommand());
        line.setErr(new PrintWriter(err));
        assertEquals(2, line.execute("-log-level", "loud"));
        assertTrue(err.toString().contains("must be one of error, warn, info, debug, trace, all; got 'loud'"), err.toString());
    }
}
