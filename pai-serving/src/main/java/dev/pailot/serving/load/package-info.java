/**
 * A load generator for inference endpoints: open-loop arrivals at precomputed send times (Poisson
 * or Gamma), latency measured from the intended send time, goodput against SLOs, sweeps that find
 * the knee, and reports as JSON, a text table and an HTML page with charts.
 *
 * <p>Start with {@link dev.pailot.serving.load.LoadGenerator} and a {@link
 * dev.pailot.serving.load.LoadTarget} built from an {@link
 * dev.pailot.serving.client.InferenceClient}.
 */
package dev.pailot.serving.load;
