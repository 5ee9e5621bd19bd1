/**
 * A client for Prometheus's HTTP query API: {@link dev.pailot.observability.promql.PromQlClient}
 * runs instant and range queries and returns typed {@link
 * dev.pailot.observability.promql.QueryResult}s; {@code status: error} answers become {@link
 * dev.pailot.observability.promql.PromQlException}s carrying Prometheus's {@code errorType}.
 */
package dev.pailot.observability.promql;
