/**
 * The SRM v2.2 door (docs/srm.md): SOAP over httpg on {@code srm.port}.
 *
 * <h2>Layers</h2>
 * <pre>
 * DoorFront stages → {@code HttpgHandler} (GSI handshake on raw TLS records, optional delegation, then
 * gss_wrap'ed bytes) → HttpServerCodec → HttpObjectAggregator ({@code srm.max-request-bytes}) →
 * {@code SrmHttpHandler} (POST to the endpoint path, one call at a time on the blocking executor) →
 * {@link dev.wharf.server.srm.SrmDispatcher} → an {@link dev.wharf.server.srm.SrmOperation} from the table
 * </pre>
 * SOAP is decoded and encoded by {@link dev.wharf.server.srm.soap.SoapEnvelopes} with JAXB over the types
 * generated at build time from {@code src/main/resources/srm/srm.v2.2.wsdl} into
 * {@code dev.wharf.server.srm.v22}; the XML parser is {@link dev.wharf.server.srm.soap.SafeXml}.
 *
 * <h2>The seam: adding an operation</h2>
 * <ol>
 * <li>Write one class implementing {@link dev.wharf.server.srm.SrmOperation}{@code <Q, R>} with the
 *     generated request and response types; {@code name()} is the WSDL operation name
 *     ({@code srmPrepareToGet}); the generated classes follow xjc's naming
 *     ({@code SrmPrepareToGetRequest}/{@code SrmPrepareToGetResponse}).</li>
 * <li>{@code handle(session, request)} gets the caller's {@link dev.wharf.server.srm.SrmSession}: its
 *     {@code identity()} (DN, mapped account), {@code storage()} (jailed, every call ACL-checked: never
 *     go around it), {@code delegated()} (the proxy, if the client delegated). Turn each SURL into a path
 *     with {@link dev.wharf.server.srm.Surls#path}; build statuses with
 *     {@link dev.wharf.server.srm.SrmStatus} ({@code SrmStatus.of(StorageException)} maps storage
 *     failures to SRM codes). Report per-file outcomes in the response's per-file array and the
 *     request's with {@code SrmStatus.overall}. Throw {@link dev.wharf.server.srm.SrmException} to fail
 *     the whole request with one status; never return null.</li>
 * <li>Add the instance to the table the door is built with: {@code SrmCalls.namespace(checksums)
 *     .with(new SrmPrepareToGet(...), ...)} (see {@code SrmDoor}). A name present twice, or not in the
 *     WSDL, fails at start. Operations of the WSDL without a handler answer {@code SRM_NOT_SUPPORTED}.</li>
 * <li>Test it at the SOAP level: build the request object, call {@code handle} with a session over a
 *     test storage (see {@code SrmNamespaceTest}), or feed the envelope bytes to
 *     {@code SrmDispatcher.dispatch} (see {@code SrmDispatcherTest}).</li>
 * </ol>
 * Handlers run on the blocking executor, one call per connection at a time; state shared between
 * connections (a request store) must be thread-safe and bounded.
 */
package dev.wharf.server.srm;
