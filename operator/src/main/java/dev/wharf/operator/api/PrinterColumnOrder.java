package dev.wharf.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * CRD post-processor (build time only: {@code quarkus.operator-sdk.crd.post-processor} and
 * {@code CrdDriftTest}): puts the printer columns in the order the class declares its
 * {@link AdditionalPrinterColumn}s, since the generator sorts them by JSON path and {@code kubectl get}
 * shows them in CRD order.
 */
public class PrinterColumnOrder implements CRDPostProcessor {

    private static final Map<String, Class<?>> KINDS = Map.of("StoragePool", StoragePool.class, "TransferServer", TransferServer.class);

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (!(crd instanceof CustomResourceDefinition definition)) {
            return crd;
        }
        Class<?> type = KINDS.get(definition.getSpec().getNames().getKind());
        if (type == null) {
            return crd;
        }
        List<String> declared = Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name).toList();
        for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
            if (version.getAdditionalPrinterColumns() != null) {
                version.getAdditionalPrinterColumns().sort(Comparator.comparingInt(
                        (CustomResourceColumnDefinition c) -> declared.indexOf(c.getName()) < 0 ? Integer.MAX_VALUE : declared.indexOf(c.getName())));
            }
        }
        return crd;
    }
}
