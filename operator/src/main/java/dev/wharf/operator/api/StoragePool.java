package dev.wharf.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Storage on a set of nodes and the ports its servers may use (cluster-scoped, admin-owned). */
@Group(TransferServer.GROUP)
@Version(TransferServer.VERSION)
@ShortNames("sp")
@AdditionalPrinterColumn(name = "Nodes", jsonPath = ".status.nodeCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Control-Ports", jsonPath = ".status.controlPortsInUse", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Data-Ports", jsonPath = ".status.dataPortsInUse", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class StoragePool extends CustomResource<StoragePoolSpec, StoragePoolStatus> {
}
