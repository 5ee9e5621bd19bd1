/**
 * PAI-EAS services as code: a typed service spec ({@link dev.pailot.serving.eas.ServiceSpec}) with
 * JSON and Kubernetes-YAML round trips, and {@link dev.pailot.serving.eas.EasClient} for the
 * service lifecycle, groups, release weights, mirrors, scalers, waiters and {@code deploy}.
 */
package dev.pailot.serving.eas;
