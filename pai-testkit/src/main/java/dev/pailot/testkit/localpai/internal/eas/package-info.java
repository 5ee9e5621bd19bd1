/**
 * LocalPai's emulation of PAI-EAS 2021-07-01: the control plane (services, versions, groups,
 * mirrors, scalers, instances, events) and the shared gateway that routes {@code /api/predict/...}
 * to emulated replicas, whose backends plug in through {@code internal.backend}.
 */
package dev.pailot.testkit.localpai.internal.eas;
