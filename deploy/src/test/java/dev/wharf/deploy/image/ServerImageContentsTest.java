package dev.wharf.deploy.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the server image carries and how its entry point starts things, checked in the built image. */
@Tag("container")
class ServerImageContentsTest {
    private static String image;

    @BeforeAll
    static void buildImages() {
        image = WharfImages.build().server();
    }

    @Test
    void runsAsTheNonRootWharfUserByDefault() {
        assertEquals("10001 10001", OneShot.run(image, Map.of(), "/bin/sh", "-c", "echo $(id -u) $(id -g)").strip());
    }

    @Test
    void carriesJre17AndOpenSshButNoHostKeys() {
        String out = OneShot.run(image, Map.of(), "/bin/sh", "-c",
                "java -version 2>&1 | head -n1; /usr/sbin/sshd -V 2>&1 | head -n1; command -v ssh-keygen ssh;"
                        + " ls /etc/ssh/ | grep -c ssh_host_ || true");
        assertTrue(out.contains("version \"17."), out);
        assertTrue(out.contains("OpenSSH_"), out);
        assertTrue(out.contains("/usr/bin/ssh-keygen") && out.contains("/usr/bin/ssh"), out);
        assertTrue(out.strip().endsWith("0"), "host keys must be generated at pod start, never shipped: " + out);
    }

    @Test
    void carriesTheServerJarAndItsLibraries() {
        String out = OneShot.run(image, Map.of(), "/bin/sh", "-c",
                "test -f /opt/wharf/wharf-server.jar && echo JAR; ls /opt/wharf/lib");
        assertTrue(out.startsWith("JAR"), out);
        assertTrue(out.contains("netty-transport-native-epoll") && out.contains("bcprov-jdk18on"), out);
    }

    @Test
    void entryPointPassesMdtmFlagsThroughToTheJar() {
        String out = OneShot.run(image, Map.of("JAVA", "/bin/echo", "JAVA_OPTS", "-Xss1m"),
                "-control-interface", "127.0.0.1", "-data-interface", "127.0.0.2", "-password-file", "/etc/wharf/passwd",
                "-p", "2121", "-c", "/etc/wharf/server.conf", "-l", "/var/log/wharf.log", "-log-level", "debug");
        assertEquals("-Xss1m -jar /opt/wharf/wharf-server.jar -control-interface 127.0.0.1 -data-interface 127.0.0.2"
                + " -password-file /etc/wharf/passwd -p 2121 -c /etc/wharf/server.conf -l /var/log/wharf.log"
                + " -log-level debug", out.strip());
    }

    @Test
    void entryPointRunsSubCommandsAndAbsolutePrograms() {
        assertEquals("-jar /opt/wharf/wharf-server.jar topology --json",
                OneShot.run(image, Map.of("JAVA", "/bin/echo", "JAVA_OPTS", ""), "topology", "--json").strip());
        assertEquals("sidecar", OneShot.run(image, Map.of(), "/bin/echo", "sidecar").strip());
        // the image's own JAVA_OPTS: Serial GC (docs/performance.md, "Idle sessions")
        assertEquals("-XX:+UseSerialGC -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
                        + " -jar /opt/wharf/wharf-server.jar topology",
                OneShot.run(image, Map.of("JAVA", "/bin/echo"), "topology").strip());
    }
}
