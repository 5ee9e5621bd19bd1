/**
 * EAS autoscaling from LLM signals: {@link
 * dev.pailot.observability.autoscaling.EasAutoscaling#plan(dev.pailot.observability.autoscaling.LlmScalingTargets)}
 * turns KV-cache and queue targets into an EAS autoscaler body, documenting what EAS cannot
 * express.
 */
package dev.pailot.observability.autoscaling;
