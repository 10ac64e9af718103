package dev.wharf.server.srm.transfer;

import dev.wharf.server.srm.v22.TStatusCode;

/** One SURL's outcome of srmPutDone, srmReleaseFiles or srmAbortFiles ({@code TSURLReturnStatus}). */
public record SurlResult(String surl, TStatusCode status, String explanation) {}
