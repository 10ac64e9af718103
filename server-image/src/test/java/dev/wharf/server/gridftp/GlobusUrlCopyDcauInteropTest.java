package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real globus-url-copy with data channel authentication against the gsiftp door: its default (FEAT
 * lists DCAU, so it assumes DCAU A and runs a GSI handshake on every data connection with its proxy while
 * we present the proxy it delegated), -dcsafe (PROT S) and -dcpriv (PROT P), in stream mode and in MODE E
 * with parallel streams (-p: each stream authenticates on its own; for downloads we connect, so we are the
 * GSS initiator); download and upload byte-identical. (Refusals of a wrong data peer need a client whose data credential differs from its
 * control one, which globus-url-copy only does with DCSC: they are in DcauDataChannelTest.)
 */
@Tag("interop")
class GlobusUrlCopyDcauInteropTest {

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final GsiftpDoorWithUserProxy gsiftp = new GsiftpDoorWithUserProxy(() -> tmp);

    private static ExternalProgram copy(List<String> options, String from, String to) throws Exception {
        List<String> command = new ArrayList<>(List.of("-vb"));
        command.addAll(options);
        command.add(from);
        command.add(to);
        return gsiftp.globusUrlCopy(command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-dcsafe", "-dcpriv", "-p 4", "-p 4 -dcpriv", "-p 1 -dcsafe"})
    void downloadAndUploadWithDcauAreByteIdentical(String option) throws Exception {
        List<String> options = option.isEmpty() ? List.of() : List.of(option.split(" "));
        String name = option.isEmpty() ? "default" : option.replace(" ", "").replace("-", "");
        byte[] content = new byte[5 * 1024 * 1024 + 333];
        new Random(name.hashCode()).nextBytes(content);
        Files.write(gsiftp.root().resolve(name + ".bin"), content);

        Path local = tmp.resolve(name + "-downloaded.bin");
        ExternalProgram down = copy(options, gsiftp.url(name + ".bin"), "file://" + local);
        down.requireSuccess("globus-url-copy " + option + " download");
        assertArrayEquals(content, Files.readAllBytes(local));
        assertTrue(down.stderr().contains("PBSZ"), "the client used DCAU (sent PBSZ): " + down.stderr());
        assertFalse(down.stderr().contains("DCAU N"), down.stderr());
        if (option.contains("-dcpriv")) {
            assertTrue(down.stderr().contains("PROT P"), down.stderr());
        }

        copy(options, "file://" + local, gsiftp.url(name + "-uploaded.bin")).requireSuccess("globus-url-copy " + option + " upload");
        assertArrayEquals(content, Files.readAllBytes(gsiftp.root().resolve(name + "-uploaded.bin")));
    }
}
