package dev.pailot.examples.demo;

import dev.pailot.training.spot.SpotRunReport;

/**
 * What the lifecycle demo did, as plain data for {@code --json}.
 *
 * @param localPaiEndpoint where the embedded emulator listened
 * @param region region used
 * @param provisioning network and workspace results
 * @param training the spot training run's report
 * @param serving v1 deployed, v2 shadowed and promoted with blue-green
 * @param rag documents ingested and questions answered with citations
 * @param metrics what a scrape of the demo's metrics endpoint showed
 */
public record DemoSummary(
    String localPaiEndpoint,
    String region,
    ProvisioningStage.Result provisioning,
    SpotRunReport training,
    ServingStage.Result serving,
    RagSummary rag,
    ObservabilityStage.Result metrics) {}
