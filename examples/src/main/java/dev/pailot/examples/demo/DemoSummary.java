package dev.pailot.examples.demo;

/**
 * What the lifecycle demo did, as plain data for {@code --json}.
 *
 * @param localPaiEndpoint where the embedded emulator listened
 * @param region region used
 * @param provisioning network and workspace results
 */
public record DemoSummary(
    String localPaiEndpoint, String region, ProvisioningStage.Result provisioning) {}
