package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** What the operator observed and did. Written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TransferServerStatus {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription("Ready, Progressing and Degraded, with reason, message and lastTransitionTime.")
    public List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Enabled doors, comma-separated (for kubectl get).")
    public String doors;

    @JsonPropertyDescription("Ready pods out of wanted, e.g. 2/2 (for kubectl get).")
    public String ready;

    @JsonPropertyDescription("Number of ready pods.")
    public Integer readyPods;

    @JsonPropertyDescription("One URL per node and door.")
    public List<Endpoint> endpoints = new ArrayList<>();

    @JsonPropertyDescription("The ports allocated from the pool.")
    public PortAllocationStatus allocation;

    @JsonPropertyDescription("One entry per pod: node, readiness, pinned CPUs and their locality.")
    public List<PodStatus> pods = new ArrayList<>();

    @JsonPropertyDescription("ssh command per node, when the sshd sidecar is enabled.")
    public List<SshEndpoint> sshEndpoints = new ArrayList<>();

    @JsonPropertyDescription("Every certificate of the referenced Secrets (TLS, host credential, trust anchors) with its notAfter.")
    public List<CredentialStatus> credentials = new ArrayList<>();

    @JsonPropertyDescription("A known_hosts line trusting the job's host CA for the ssh endpoints: append it to ~/.ssh/known_hosts.")
    public String sshKnownHosts;
}
