package dev.wharf.server.srm;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.gsi.DelegatedCredential;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What an operation knows about its caller, one per authenticated connection: the DN and its mapped
 * account ({@link #identity()}), the session's jailed, ACL-checked {@link Storage} (built with
 * {@code fs.SessionStorage.open}, so every storage call is already authorised), and the proxy the
 * client delegated, if it did (gfal2's SRM client does not; third-party work would need one).
 *
 * @param door the door's name (logs, metrics)
 * @param client the client's address (after PROXY, when the door trusts a proxy)
 */
public record SrmSession(String door, InetSocketAddress client, Identity identity, Storage storage,
                         Optional<DelegatedCredential> delegated) {}
