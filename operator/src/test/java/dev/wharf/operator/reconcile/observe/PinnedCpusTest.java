package dev.wharf.operator.reconcile.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinnedCpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<String> of(String json) throws Exception {
        return PinnedCpus.fromStatus(JSON.readTree(json));
    }

    @Test
    void unionOfEveryThreadsCpus() throws Exception {
        assertEquals(Optional.of("2-3,8"), of("{\"threads\":{\"pinning\":\"auto\",\"threads\":["
                + "{\"cpus\":\"2\"},{\"cpus\":\"3\"},{\"cpus\":\"8\"},{\"cpus\":\"2-3\"}]}}"));
    }

    @Test
    void pinningOffMeansNoPinnedCpus() throws Exception {
        assertEquals(Optional.empty(), of("{\"threads\":{\"pinning\":\"none\",\"threads\":[{\"cpus\":\"0-7\"}]}}"));
    }

    @Test
    void aServerWithoutTheThreadsSectionReportsNothing() throws Exception {
        assertEquals(Optional.empty(), of("{\"state\":\"ready\"}"));
    }
}
