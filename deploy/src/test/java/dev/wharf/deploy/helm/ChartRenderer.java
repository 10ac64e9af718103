package dev.wharf.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.wharf.deploy.Manifests;
import dev.wharf.deploy.RepoPaths;
import java.nio.file.Path;
import java.util.Map;

/** Renders helm/wharf-operator in-process with helm-java (Helm 3.21 bundled; no helm binary). */
final class ChartRenderer {
    static final String RELEASE = "wharf-operator";
    static final String NAMESPACE = "wharf-system";
    static final String KUBE_VERSION = "1.31.0";

    private ChartRenderer() {}

    static Path chart() {
        return RepoPaths.resolve("helm/wharf-operator");
    }

    static String renderYaml(Map<String, String> values) {
        TemplateCommand cmd = new Helm(chart()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        values.forEach(cmd::set);
        return cmd.call();
    }

    static Manifests render(Map<String, String> values) {
        return Manifests.parse(renderYaml(values));
    }
}
