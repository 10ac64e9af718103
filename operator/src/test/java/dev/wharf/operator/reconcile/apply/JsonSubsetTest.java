package dev.wharf.operator.reconcile.apply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSubsetTest {

    private static ConfigMap desired() {
        return new ConfigMapBuilder().withNewMetadata().withName("a").withNamespace("ns")
                .withLabels(Map.of("app", "wharf")).endMetadata()
                .withData(Map.of("server.conf", "ftp.port = 2121\n")).build();
    }

    @Test
    void fieldsAddedByTheApiServerDoNotCountAsADifference() {
        ConfigMap existing = new ConfigMapBuilder(desired()).editMetadata().withResourceVersion("7").withUid("u")
                .addToLabels("other", "x").addToAnnotations("kubectl", "y").endMetadata().build();
        assertTrue(JsonSubset.contains(existing, desired()));
    }

    @Test
    void aChangedValueIsADifference() {
        ConfigMap existing = new ConfigMapBuilder(desired()).withData(Map.of("server.conf", "ftp.port = 2122\n")).build();
        assertFalse(JsonSubset.contains(existing, desired()));
    }

    @Test
    void aMissingLabelIsADifference() {
        ConfigMap existing = new ConfigMapBuilder(desired()).editMetadata().withLabels(Map.of()).endMetadata().build();
        assertFalse(JsonSubset.contains(existing, desired()));
    }

    @Test
    void listsMustHaveTheSameLengthAndMatchElementWise() {
        var a = new io.fabric8.kubernetes.api.model.PodSpecBuilder().addNewContainer().withName("a").endContainer().build();
        var ab = new io.fabric8.kubernetes.api.model.PodSpecBuilder(a).addNewContainer().withName("b").endContainer().build();
        assertFalse(JsonSubset.contains(a, ab));
        assertFalse(JsonSubset.contains(ab, a));
        assertTrue(JsonSubset.contains(ab, ab));
    }
}
