package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.server.auth.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridFtpRootsTest {

    @TempDir
    Path tmp;

    private static Identity grid(String account) {
        return new Identity("/C=XX/O=Wharf Test/CN=Jane Doe", Identity.Method.GSI, Set.of(), account);
    }

    @Test
    void storageRootJailsEveryGridUser() throws Exception {
        Path passwd = Files.writeString(tmp.resolve("passwd"), "jane:*:1000:1000::/home/jane:/bin/sh\n");
        GridFtpRoots roots = new GridFtpRoots(Optional.of(tmp), Optional.of(passwd));
        assertEquals(Optional.of(tmp), roots.rootFor(grid("jane")));
        assertEquals(Optional.of(tmp), roots.rootFor(grid(null)));
    }

    @Test
    void withoutStorageRootTheMappedAccountsHomeFromThePasswordFile() throws Exception {
        Path passwd = Files.writeString(tmp.resolve("passwd"),
                "jane:*:1000:1000::/home/jane:/bin/sh\nnohome:*:1001:1001:::/bin/sh\n");
        GridFtpRoots roots = new GridFtpRoots(Optional.empty(), Optional.of(passwd));
        assertEquals(Optional.of(Path.of("/home/jane")), roots.rootFor(grid("jane")));
        assertEquals(Optional.empty(), roots.rootFor(grid("nohome")), "an account without a home");
        assertEquals(Optional.empty(), roots.rootFor(grid("bob")), "an account not in the file");
        assertEquals(Optional.empty(), roots.rootFor(grid(null)), "a DN mapped to no account");
        assertEquals(Optional.empty(), new GridFtpRoots(Optional.empty(), Optional.empty()).rootFor(grid("jane")));
    }
}
