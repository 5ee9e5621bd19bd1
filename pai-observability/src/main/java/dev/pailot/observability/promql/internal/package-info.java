/** JSON reading behind {@link dev.pailot.observability.promql.PromQlClient}. */
package dev.pailot.observability.promql.internal;
