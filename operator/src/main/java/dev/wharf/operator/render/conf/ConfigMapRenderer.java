package dev.wharf.operator.render.conf;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.Layout;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import java.util.Map;

/** server.conf → the ConfigMap the transfer pods mount. */
public final class ConfigMapRenderer {

    private ConfigMapRenderer() {
    }

    public static ConfigMap render(TransferServer ts, ServerConf conf, String namespace) {
        return new ConfigMapBuilder()
                .withMetadata(ObjectNames.metadata(ts, ObjectNames.configMap(ts), namespace))
                .withData(Map.of(Layout.CONFIG_KEY, conf.text()))
                .build();
    }
}
