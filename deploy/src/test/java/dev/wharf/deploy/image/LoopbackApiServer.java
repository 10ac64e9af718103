package dev.wharf.deploy.image;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Fabric8 mock API server in CRUD mode on 127.0.0.1, standing in for a cluster the operator image can
 * talk to. The mock lacks two things a real API server has, which the operator's start-up and status
 * writes need; both are filled in narrowly here, and both are exercised for real by the kind e2e run:
 * <ul>
 *   <li>SelfSubjectRulesReview (JOSDK checks it may use the leader-election Lease before it starts):
 *       answered with a review that grants the Lease verbs, as the chart's RBAC does;</li>
 *   <li>server-side apply (JOSDK writes status and finalizers with it; the mock answers 415, and SSA is
 *       fixed on at build time): an apply patch is treated as a JSON merge patch, which has the same
 *       effect for the fields the operator owns.</li>
 * </ul>
 */
final class LoopbackApiServer implements AutoCloseable {
    private static final String RULES_REVIEW = """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","metadata":{},
             "spec":{"namespace":"%s"},
             "status":{"incomplete":false,"nonResourceRules":[],
               "resourceRules":[{"apiGroups":["coordination.k8s.io"],"resources":["leases"],
                                 "verbs":["get","create","update","patch"]}]}}""";

    /** Held so the level sticks (JUL keeps loggers only weakly); the mock logs every request at INFO. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;

    LoopbackApiServer(String operatorNamespace) throws IOException {
        MOCK_LOG.setLevel(Level.WARNING);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new Dispatcher(operatorNamespace), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    NamespacedKubernetesClient client() {
        return server.createClient();
    }

    @Override
    public void close() {
        server.destroy();
    }

    private static final class Dispatcher extends KubernetesCrudDispatcher {
        private final String operatorNamespace;

        Dispatcher(String operatorNamespace) {
            this.operatorNamespace = operatorNamespace;
        }

        @Override
        public MockResponse handleCreate(RecordedRequest request) {
            if (request.getPath().startsWith("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
                return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                        .setBody(RULES_REVIEW.formatted(operatorNamespace));
            }
            return super.handleCreate(request);
        }

        @Override
        public MockResponse handlePatch(RecordedRequest request) {
            String type = request.getHeader("Content-Type");
            if (type != null && type.startsWith("application/apply-patch")) {
                // The apply parameters (fieldManager, force) mean nothing to a merge patch.
                String path = request.getPath().replaceFirst("\\?.*$", "");
                RecordedRequest asMerge = new RecordedRequest(request.getRequestLine(), request.method(), path,
                        request.getHeaders().newBuilder().set("Content-Type", "application/merge-patch+json").build(),
                        new Buffer(request.getBody().getBytes()));
                return super.handlePatch(asMerge);
            }
            return super.handlePatch(request);
        }
    }
}
