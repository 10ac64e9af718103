package dev.wharf.server.srm.transfer;

/** One SURL's outcome of srmPutDone, srmReleaseFiles or srmAbortFiles ({@code TSURLReturnStatus}). */
public record SurlResult(String surl, SrmStatus status, String explanation) {}
