package dev.wharf.deploy.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.deploy.RepoPaths;
import dev.wharf.deploy.examples.CrdSchemas;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the e2e run applies is still valid, and the leftover check recognises the operator's objects. */
class E2eManifestsTest {
    private final CrdSchemas schemas = CrdSchemas.load(RepoPaths.resolve("crds"));

    @Test
    void thePoolIsTheExampleOnTheKindNodesNic() {
        JsonNode pool = E2eManifests.pool("eth0");
        assertEquals("eth0", pool.at("/spec/dataInterface/name").asText());
        assertTrue(pool.at("/spec/dataInterface/overrides").isMissingNode());
        assertEquals("/srv/wharf", pool.at("/spec/storage/hostPath/path").asText(), "e2e/kind-config.yaml mounts it");
        assertEquals("true", pool.at("/spec/nodeSelector").path("wharf.dev/transfer-node").asText(), "e2e/run.sh labels the node");
        assertEquals(List.of(), schemas.validate(pool));
    }

    @Test
    void serverFilesGetTheNamespaceAndTheTestsKey() {
        List<JsonNode> docs = E2eManifests.serverFile("transferserver-sshd.yaml", "wharf-e2e", "ssh-ed25519 AAAATEST e2e");
        assertFalse(docs.isEmpty());
        for (JsonNode d : docs) {
            assertEquals("wharf-e2e", d.at("/metadata/namespace").asText());
            HasMetadata typed = Serialization.unmarshal(d.toString(), HasMetadata.class);
            assertEquals("wharf-e2e", typed.getMetadata().getNamespace());
            if (d.path("kind").asText().equals("TransferServer")) {
                assertEquals(List.of(), schemas.validate(d));
                assertEquals(1, d.at("/spec/cpus").asInt(), "one exclusive CPU per pod fits the kind nodes");
            }
        }
        assertTrue(docs.stream().anyMatch(d -> d.at("/stringData/authorized_keys").asText().equals("ssh-ed25519 AAAATEST e2e\n")));
        for (String f : E2eManifests.SERVER_FILES) {
            assertTrue(E2eManifests.serverFile(f, "ns", null).stream().anyMatch(d -> d.path("kind").asText().equals("TransferServer")), f);
        }
    }

    @Test
    void theExampleLoginsMatchTheExamplesPasswordFiles() {
        for (var pair : Map.of("transferserver-password.yaml", E2eManifests.EXAMPLE_LOGIN,
                "transferserver-sshd.yaml", E2eManifests.SSHD_JOB_LOGIN).entrySet()) {
            JsonNode secret = E2eManifests.serverFile(pair.getKey(), "ns", null).stream()
                    .filter(d -> d.at("/stringData/passwd").isTextual()).findFirst().orElseThrow();
            assertTrue(secret.at("/stringData/passwd").asText().startsWith(pair.getValue().user() + ":$6$"), pair.getKey());
        }
    }

    @Test
    void leftoversAreFoundByPrimaryAnnotationsOrQualifiedNames() {
        List<String> names = List.of("alice-ftp");
        HasMetadata annotated = new PodBuilder().withNewMetadata().withName("wharf-7f3a-0")
                .addToAnnotations(LeftoverCheck.PRIMARY_NAME, "alice-ftp")
                .addToAnnotations(LeftoverCheck.PRIMARY_NAMESPACE, "wharf-e2e").endMetadata().build();
        HasMetadata named = new ConfigMapBuilder().withNewMetadata().withName("wharf-e2e-alice-ftp-conf").endMetadata().build();
        HasMetadata otherNamespace = new PodBuilder().withNewMetadata().withName("x")
                .addToAnnotations(LeftoverCheck.PRIMARY_NAME, "alice-ftp")
                .addToAnnotations(LeftoverCheck.PRIMARY_NAMESPACE, "team-b").endMetadata().build();
        HasMetadata unrelated = new ConfigMapBuilder().withNewMetadata().withName("kube-root-ca.crt").endMetadata().build();
        assertTrue(LeftoverCheck.belongsTo(annotated, "wharf-e2e", names));
        assertTrue(LeftoverCheck.belongsTo(named, "wharf-e2e", names));
        HasMetadata labelled = new ConfigMapBuilder().withNewMetadata().withName("x-conf")
                .addToLabels(LeftoverCheck.LABEL_NAME, "alice-ftp").addToLabels(LeftoverCheck.LABEL_NAMESPACE, "wharf-e2e")
                .endMetadata().build();
        assertTrue(LeftoverCheck.belongsTo(labelled, "wharf-e2e", names));
        assertFalse(LeftoverCheck.belongsTo(otherNamespace, "wharf-e2e", names));
        assertFalse(LeftoverCheck.belongsTo(unrelated, "wharf-e2e", names));
    }

    @Test
    void settingsDefaultToTheKindConfigAndTheChart() {
        E2eSettings s = E2eSettings.from(Map.of());
        assertEquals("wharf-system", s.operatorNamespace());
        assertEquals("wharf-data", s.dataPlaneNamespace());
        assertEquals("eth0", s.dataInterface());
        assertEquals(Duration.ofMinutes(5), s.readyTimeout());
        assertEquals(Duration.ofSeconds(90), E2eSettings.from(Map.of("WHARF_E2E_READY_TIMEOUT", "90s")).readyTimeout());
    }

    @Test
    void eachServerOfTheExamplePoolGetsItsOwnSubtreeOnTheNode() {
        JsonNode pool = E2eManifests.pool("eth0");
        assertEquals("team-a/public-mirror", Tenancy.subtree(pool, "team-a", "public-mirror"));
        assertEquals(java.nio.file.Path.of("/tmp/d/team-b/alice-ftp"),
                Tenancy.hostSubtree(java.nio.file.Path.of("/tmp/d"), pool, "team-b", "alice-ftp"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) pool.path("spec")).put("layout", "teams/{namespace}");
        assertEquals("teams/team-a", Tenancy.subtree(pool, "team-a", "whatever"));
    }

    @Test
    void theExamplePoolAdmitsWhatTheE2eRunApplies() {
        JsonNode policy = E2eManifests.pool("eth0").path("spec").path("policy");
        assertTrue(policy.path("anonymous").asBoolean(), "the anonymous example needs policy.anonymous");
        assertTrue(policy.path("sshd").path("allowed").asBoolean(), "the sshd example needs policy.sshd");
        java.util.List<String> doors = new java.util.ArrayList<>();
        policy.path("doors").forEach(d -> doors.add(d.asText()));
        assertFalse(doors.contains("dcap"), "plain dCap is unauthenticated: not in the example");
    }

    @Test
    void aPoolBeingDeletedIsHeldForItsUsers() {
        var pool = new io.fabric8.kubernetes.api.model.GenericKubernetesResource();
        assertEquals(java.util.List.of(), Tenancy.heldFor(pool));
        pool.setAdditionalProperty("status", java.util.Map.of("usedBy", java.util.List.of("team-a/alice-ftp")));
        assertEquals(java.util.List.of("team-a/alice-ftp"), Tenancy.heldFor(pool));
        assertEquals(null, Tenancy.heldFor(null));
    }
}
