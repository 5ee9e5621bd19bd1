package dev.pailot.serving.client.internal;

import dev.pailot.serving.client.AdaptiveConcurrency;
import dev.pailot.serving.client.Endpoint;
import dev.pailot.serving.client.EngineMetricsSteering;
import dev.pailot.serving.client.FailoverOptions;
import dev.pailot.serving.client.RetryOptions;
import dev.pailot.serving.client.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import okhttp3.OkHttpClient;

/**
 * Everything the public builder resolved, validated and defaulted. The token's {@code toString} is
 * redacted, so this record's is too.
 *
 * @param endpoint the first endpoint: the default service name and display form
 * @param endpoints every endpoint of the pool, the first included
 * @param token the client's token (for endpoints without their own), or {@code null}
 * @param serviceName the {@code service_name} metric tag
 * @param defaultModel the model for requests that name none, or {@code null}
 * @param connectTimeout TCP/TLS connect timeout
 * @param firstTokenTimeout longest wait from sending a streamed request to its first token
 * @param idleTimeout longest gap between stream events, and the write timeout
 * @param totalTimeout longest request, from submission, unless its deadline is shorter
 * @param baseClient the user's OkHttpClient to derive from, or {@code null}
 * @param transport the HTTP stack under whole-answer calls
 * @param directListeners whether stream listeners may run on a shared I/O thread
 * @param registry where metrics go
 * @param executor the user's I/O executor, or {@code null} for the client's own threads
 * @param maxRequests the dispatcher's limit of concurrent calls
 * @param maxRequestsPerHost the dispatcher's limit per host
 * @param maxIdleConnections idle connections kept in the pool
 * @param concurrencyLimit admission: requests in flight at once
 * @param maxQueued admission: requests that may wait
 * @param adaptive admission: the adaptive limit replacing {@code concurrencyLimit}, or {@code null}
 * @param interTokenHistogram whether results carry an inter-token latency histogram
 * @param retry retries before the first token
 * @param failover health tracking, ejection, circuit breakers and choice among endpoints
 * @param steering engine-metrics steering of the adaptive limit, or {@code null}
 */
public record ClientSettings(
    EndpointAddress endpoint,
    List<Endpoint> endpoints,
    AccessToken token,
    String serviceName,
    String defaultModel,
    Duration connectTimeout,
    Duration firstTokenTimeout,
    Duration idleTimeout,
    Duration totalTimeout,
    OkHttpClient baseClient,
    Transport transport,
    boolean directListeners,
    MeterRegistry registry,
    ExecutorService executor,
    int maxRequests,
    int maxRequestsPerHost,
    int maxIdleConnections,
    int concurrencyLimit,
    int maxQueued,
    AdaptiveConcurrency adaptive,
    boolean interTokenHistogram,
    RetryOptions retry,
    FailoverOptions failover,
    EngineMetricsSteering steering) {}
