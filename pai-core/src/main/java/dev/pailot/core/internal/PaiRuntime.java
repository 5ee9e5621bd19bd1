package dev.pailot.core.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pailot.core.Pai;
import dev.pailot.core.PaiConfig;
import dev.pailot.core.PaiCredentials;
import dev.pailot.core.event.PaiListener;
import dev.pailot.core.event.ProgressEvent;
import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.internal.transport.ApiResponse;
import dev.pailot.core.internal.transport.CallPipeline;
import dev.pailot.core.internal.transport.TeaTransport;
import dev.pailot.core.internal.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Pailot client shares behind a {@link Pai}: configuration, the control-plane pipeline,
 * the JSON mapper, the listener and the meter registry. SDK-internal: reached from other modules
 * with {@link #of(Pai)}; not part of the public API.
 */
public final class PaiRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PaiRuntime.class);
  private static volatile Function<Pai, PaiRuntime> accessor;

  private final PaiConfig config;
  private final PaiListener listener;
  private final MeterRegistry registry;
  private final ObjectMapper json;
  private final Transport transport;
  private final CallPipeline pipeline;

  /**
   * Creates the runtime; called by {@link Pai}'s builder.
   *
   * @param config configuration
   * @param credentials credentials
   * @param listener listener
   * @param registry meter registry or {@code null}
   */
  public PaiRuntime(
      PaiConfig config, PaiCredentials credentials, PaiListener listener, MeterRegistry registry) {
    this(config, listener, registry, null, credentials);
  }

  private PaiRuntime(
      PaiConfig config,
      PaiListener listener,
      MeterRegistry registry,
      Transport transport,
      PaiCredentials credentials) {
    this.config = config;
    this.listener = listener;
    this.registry = registry;
    this.json = newObjectMapper();
    this.transport = transport != null ? transport : new TeaTransport(config, credentials, json);
    this.pipeline = new CallPipeline(this.transport, config.retry(), listener, registry);
  }

  /**
   * Lets {@link Pai} expose its runtime to SDK modules without a public accessor.
   *
   * @param fn accessor
   */
  public static void registerAccessor(Function<Pai, PaiRuntime> fn) {
    accessor = fn;
  }

  /**
   * The runtime behind a client.
   *
   * @param pai the client
   * @return its runtime
   */
  public static PaiRuntime of(Pai pai) {
    Objects.requireNonNull(pai, "pai");
    return accessor.apply(pai);
  }

  /**
   * A JSON mapper configured the way every Pailot module reads and writes PAI's JSON.
   *
   * @return a new mapper
   */
  public static ObjectMapper newObjectMapper() {
    return new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /**
   * Sends a control-plane request through the one pipeline (retries, events, metrics).
   *
   * @param request the request
   * @return the response
   */
  public ApiResponse call(ApiRequest request) {
    return pipeline.execute(request);
  }

  /**
   * Configuration.
   *
   * @return config
   */
  public PaiConfig config() {
    return config;
  }

  /**
   * Shared JSON mapper.
   *
   * @return mapper
   */
  public ObjectMapper json() {
    return json;
  }

  /**
   * Meter registry, or {@code null}.
   *
   * @return registry
   */
  public MeterRegistry meterRegistry() {
    return registry;
  }

  /**
   * Listener.
   *
   * @return listener
   */
  public PaiListener listener() {
    return listener;
  }

  /**
   * Publishes a progress event to the listener, swallowing listener failures.
   *
   * @param event the event
   */
  public void progress(ProgressEvent event) {
    try {
      listener.onProgress(event);
    } catch (RuntimeException e) {
      LOG.debug("listener threw; ignored", e);
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
