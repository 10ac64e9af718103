package dev.wharf.server.srm.transfer;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.srm.v22.TStatusCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestStoreTest {

    static final Identity ALICE = new Identity("/C=UK/O=Test/CN=Alice", Identity.Method.GSI, Set.of(), "alice");
    static final Identity BOB = new Identity("/C=UK/O=Test/CN=Bob", Identity.Method.GSI, Set.of(), "bob");

    final TestClock clock = new TestClock();

    static TransferLimits limits(int max, int perClient, int files) {
        return new TransferLimits(max, perClient, files, Duration.ofMinutes(10), Duration.ofHours(1), Optional.empty());
    }

    TransferRequest get(RequestStore store, Identity who, int files) {
        List<FileRequest> list = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            list.add(new FileRequest("srm://h/f" + i, "/f" + i));
        }
        return new TransferRequest(store.newToken(), TransferRequest.Kind.GET, who, "/srv", clock.instant().plusSeconds(600), list);
    }

    @Test
    void openRequestsAreBoundedForTheServerAndForEachClient() {
        RequestStore store = new RequestStore(limits(3, 2, 10), clock);
        assertTrue(store.add(get(store, ALICE, 1)).isEmpty());
        assertTrue(store.add(get(store, ALICE, 1)).isEmpty());
        RequestStore.Refusal third = store.add(get(store, ALICE, 1)).orElseThrow();
        assertEquals(TStatusCode.SRM_INTERNAL_ERROR, third.status());
        assertTrue(third.explanation().contains("srm.max-requests-per-client"), third.explanation());
        assertTrue(store.add(get(store, BOB, 1)).isEmpty());
        RequestStore.Refusal full = store.add(get(store, BOB, 1)).orElseThrow();
        assertTrue(full.explanation().contains("srm.max-requests)"), full.explanation());
        assertEquals(3, store.size());
    }

    @Test
    void tooManyFilesInOneRequestIsAnInvalidRequest() {
        RequestStore store = new RequestStore(limits(3, 3, 2), clock);
        assertEquals(TStatusCode.SRM_INVALID_REQUEST, store.add(get(store, ALICE, 3)).orElseThrow().status());
    }

    @Test
    void finishedRequestsFreeTheirPlaceAndAreForgottenAfterTheirRetention() {
        RequestStore store = new RequestStore(limits(1, 1, 10), clock);
        TransferRequest r = get(store, ALICE, 1);
        store.add(r);
        synchronized (r) {
            r.files().get(0).status = TStatusCode.SRM_RELEASED;
        }
        store.settle(r);
        assertTrue(store.add(get(store, ALICE, 1)).isEmpty(), "a finished request no longer counts");
        assertTrue(store.find(r.token, ALICE.principal()).isPresent(), "but still answers status calls");
        clock.advance(RequestStore.FINISHED_RETENTION.plusSeconds(1));
        store.expired();
        assertTrue(store.find(r.token, ALICE.principal()).isEmpty());
    }

    @Test
    void aTokenFindsOnlyItsOwnersRequestAndTokensDoNotRepeat() {
        RequestStore store = new RequestStore(limits(10, 10, 10), clock);
        TransferRequest r = get(store, ALICE, 1);
        store.add(r);
        assertTrue(store.find(r.token, ALICE.principal()).isPresent());
        assertTrue(store.find(r.token, BOB.principal()).isEmpty());
        assertTrue(store.find("nonsense", ALICE.principal()).isEmpty());
        assertTrue(store.find(null, ALICE.principal()).isEmpty());
        assertEquals(32, r.token.length());
        assertNotEquals(store.newToken(), store.newToken());
    }

    @Test
    void requestsPastTheirLifetimeAreDue() {
        RequestStore store = new RequestStore(limits(10, 10, 10), clock);
        TransferRequest r = get(store, ALICE, 1);
        store.add(r);
        assertEquals(List.of(), store.expired());
        clock.advance(Duration.ofSeconds(600));
        assertEquals(List.of(r), store.expired());
    }

    @Test
    void oneOpenPutHoldsASurl() {
        RequestStore store = new RequestStore(limits(10, 10, 10), clock);
        assertTrue(store.claimPutTarget("/srv", "/f", "t1"));
        assertTrue(!store.claimPutTarget("/srv", "/f", "t2"));
        assertTrue(store.claimPutTarget("/home/bob", "/f", "t2"), "the same name in another root is another file");
        store.releasePutTarget("/srv", "/f", "t2");
        assertTrue(!store.claimPutTarget("/srv", "/f", "t3"), "only the holder releases");
        store.releasePutTarget("/srv", "/f", "t1");
        assertTrue(store.claimPutTarget("/srv", "/f", "t3"));
    }

    @Test
    void lifetimesAreCappedAndDefaulted() {
        TransferLimits l = TransferLimits.from(ConfigFile.of(Map.of("srm.request-lifetime", "600",
                "srm.max-request-lifetime", "7200")));
        assertEquals(Duration.ofSeconds(600), l.lifetime(null));
        assertEquals(Duration.ofSeconds(600), l.lifetime(0L));
        assertEquals(Duration.ofSeconds(600), l.lifetime(-5L));
        assertEquals(Duration.ofSeconds(60), l.lifetime(60L));
        assertEquals(Duration.ofSeconds(7200), l.lifetime(Long.MAX_VALUE));
        assertEquals(10_000, l.maxRequests(), "the schema's default");
    }
}
