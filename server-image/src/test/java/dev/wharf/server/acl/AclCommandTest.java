package dev.wharf.server.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AclCommandTest {

    @TempDir Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new AclCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void setShowRemoveDeleteLikeGridAcl() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals(0, run("show", sub.toString()));
        assertTrue(out.toString().contains("server defaults apply"), out.toString());

        assertEquals(0, run("set", dir.toString(), "admin", "/O=Grid/CN=J. Smith"));
        assertEquals(0, run("set", dir.toString(), "read", "*"));
        assertEquals("admin \"/O=Grid/CN=J. Smith\"\nread *\n", Files.readString(dir.resolve(".grid-acl")));
        assertEquals(0, run("set", dir.toString(), "WRITE", "/O=Grid/CN=J. Smith"));
        assertEquals(0, run("show", dir.toString()));
        assertEquals("write \"/O=Grid/CN=J. Smith\"\nread *\n", out.toString());
        assertEquals(0, run("show", sub.toString()));
        assertTrue(out.toString().contains("governed by " + dir.resolve(".grid-acl")), out.toString());

        assertEquals(0, run("set", sub.toString(), "list", "bob"));
        assertEquals("write \"/O=Grid/CN=J. Smith\"\nread *\nlist bob\n", Files.readString(sub.resolve(".grid-acl")),
                "a new ACL starts from the inherited entries");
        assertEquals(0, run("delete", sub.toString()));

        assertEquals(0, run("remove", dir.toString(), "*"));
        assertEquals("write \"/O=Grid/CN=J. Smith\"\n", Files.readString(dir.resolve(".grid-acl")));
        assertEquals(0, run("remove", dir.toString(), "/O=Grid/CN=J. Smith"));
        assertTrue(err.toString().contains("grants nothing"), err.toString());
        assertEquals(0, run("delete", dir.toString()));
        assertFalse(Files.exists(dir.resolve(".grid-acl")));
        assertEquals(1, run("delete", dir.toString()));
        try (var names = Files.list(dir)) {
            assertEquals(1, names.count(), "no temporary files left behind");
        }
    }

    @Test
    void registeredAsAWharfServerSubCommand() throws Exception {
        assertEquals(0, dev.wharf.server.cli.WharfCommand.run("acl", "set", dir.toString(), "read", "anonymous"));
        assertEquals("read anonymous\n", Files.readString(dir.resolve(".grid-acl")));
    }

    @Test
    void editsKeepCommentsAndConvertXml() throws Exception {
        Files.writeString(dir.resolve(".grid-acl"), "# keep me\nread alice\n\n# and me\nlist bob\nadmin alice\n");
        assertEquals(0, run("set", dir.toString(), "write", "alice"));
        assertEquals("# keep me\nwrite alice\n\n# and me\nlist bob\n", Files.readString(dir.resolve(".grid-acl")));
        Files.writeString(dir.resolve(".grid-acl"),
                "<gridacl><person><dn>/CN=A B</dn><level>admin</level></person><group><name>g</name><level>read</level></group></gridacl>");
        assertEquals(0, run("remove", dir.toString(), "@g"));
        assertEquals("admin \"/CN=A B\"\n", Files.readString(dir.resolve(".grid-acl")));
    }

    @Test
    void malformedFilesAndBadArgumentsAreRefused() throws Exception {
        Files.writeString(dir.resolve(".grid-acl"), "read alice\nsuper bob\n");
        assertEquals(1, run("show", dir.toString()));
        assertTrue(err.toString().contains(".grid-acl:2: unknown level 'super'"), err.toString());
        assertEquals(1, run("set", dir.toString(), "read", "carol"));
        assertEquals("read alice\nsuper bob\n", Files.readString(dir.resolve(".grid-acl")), "left untouched");
        assertEquals(2, run("set", dir.toString(), "root", "carol"));
        assertTrue(err.toString().contains("unknown level 'root'"), err.toString());
        assertEquals(2, run("set", dir.toString(), "read", "@no good"));
        assertEquals(2, run());
        assertEquals(1, run("set", dir.resolve("missing").toString(), "read", "x"));
    }
}
