package dev.wharf.operator.api;

import io.fabric8.crdv2.generator.CRDGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed CRDs in {@code crds/} must be exactly what the Fabric8 CRD generator (the one
 * quarkus-operator-sdk runs at build time) makes of the api classes. Regenerate with the command in
 * {@link #REGENERATE}.
 */
class CrdDriftTest {

    static final String REGENERATE = "./mvnw -B -o -q -pl operator package -DskipTests"
            + " && cp operator/target/kubernetes/*.wharf.dev-v1.yml crds/";

    /** Surefire runs in the module directory; crds/ is at the top of the repository. */
    private static final Path CRDS = Path.of("..", "crds");

    @Test
    void committedCrdsMatchTheJavaClasses(@TempDir Path out) throws IOException {
        new CRDGenerator()
                .customResourceClasses(StoragePool.class, TransferServer.class)
                .forCRDVersions("v1")
                .withParallelGenerationEnabled(false)
                .withPostProcessor(new PrinterColumnOrder())
                .inOutputDir(out.toFile())
                .detailedGenerate();

        for (String file : new String[] {"storagepools.wharf.dev-v1.yml", "transferservers.wharf.dev-v1.yml"}) {
            Path generated = out.resolve(file);
            Path committed = CRDS.resolve(file);
            assertTrue(Files.exists(generated), "generator made no " + file);
            assertTrue(Files.exists(committed), "crds/" + file + " is missing; run: " + REGENERATE);
            assertEquals(Files.readString(generated), Files.readString(committed),
                    "crds/" + file + " drifted from the api classes; run: " + REGENERATE);
        }
    }
}
