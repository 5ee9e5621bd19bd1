package dev.pailot.testkit.localpai.internal.eas;

import dev.pailot.testkit.localpai.internal.backend.BackendFactory;
import dev.pailot.testkit.localpai.internal.backend.ServiceBackend;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.emulation.Emulation;
import dev.pailot.testkit.localpai.internal.emulation.PersistentStore;
import dev.pailot.testkit.localpai.internal.server.DataPlaneRoute;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LocalPai's EAS: the control-plane handlers (services, versions, groups, mirrors, scalers,
 * instances, events), the gateway that routes {@code /api/predict/...} to replicas, the faults, and
 * the persistent store. Replicas run the backend of the first {@link BackendFactory} that
 * recognises a service, else an echo container.
 *
 * <p>One daemon thread ({@code localpai-eas-scaler}) ticks every ten emulated seconds (at least 5
 * ms, at most 1 s of real time) to apply due transitions and autoscalers, and closes the backends
 * of retired replicas; a second one is started for mirroring on first use. Thread-safe. {@link
 * #close()} stops both and closes every replica.
 */
public final class EasEmulation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EasEmulation.class);

  private final EasContext context;
  private final EasFaults faults;
  private final List<ProductHandler> handlers;
  private final EasGateway gateway;
  private final TrafficMirror mirror;
  private final ScheduledExecutorService ticker;
  private final ScheduledFuture<?> ticking;

  /**
   * Creates the EAS emulation and starts its ticker.
   *
   * @param emulation region, account, clock and time scale
   * @param factories backend factories, asked in order for each replica
   * @param seed seed for faults, routing draws and backend seeds
   */
  public EasEmulation(Emulation emulation, List<BackendFactory> factories, long seed) {
    Objects.requireNonNull(emulation, "emulation");
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("localpai-eas-scaler", true));
    this.faults = new EasFaults(seed);
    ReplicaLauncher launcher =
        new ReplicaLauncher(
            emulation, new ReplicaLauncher.Backends(factories, seed, this::dispose));
    ServiceLifecycle lifecycle = new ServiceLifecycle(emulation, launcher, faults);
    Autoscaler autoscaler = new Autoscaler(emulation, lifecycle);
    this.context =
        new EasContext(emulation, new EasStore(lifecycle, autoscaler), lifecycle, autoscaler);
    ServiceView view = new ServiceView(context);
    this.handlers =
        List.of(
            new ServiceHandler(context, view),
            new ServiceListing(context, view),
            new VersionHandler(context),
            new GroupHandler(context, view),
            new MirrorHandler(context),
            new ScalerHandler(context),
            new InstanceHandler(context, view),
            new EventHandler(context),
            new DiagnosisHandler(context));
    this.mirror = new TrafficMirror(context::base);
    this.gateway = new EasGateway(new GatewayRouter(context, faults, seed), mirror);
    long period = tickPeriod(emulation).toNanos();
    this.ticking = ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
  }

  private static Duration tickPeriod(Emulation emulation) {
    Duration tenSeconds = Duration.between(Instant.EPOCH, emulation.after(Instant.EPOCH, 1.0 / 6));
    Duration min = Duration.ofMillis(5);
    Duration max = Duration.ofSeconds(1);
    return tenSeconds.compareTo(min) < 0 ? min : tenSeconds.compareTo(max) > 0 ? max : tenSeconds;
  }

  /**
   * Closes a retired replica's backend on the EAS thread: callers hold the store's monitor, and a
   * backend's close may wait for its own event-loop work.
   */
  private void dispose(ServiceBackend backend) {
    try {
      ticker.execute(() -> closeQuietly(backend));
    } catch (RejectedExecutionException e) {
      closeQuietly(backend);
    }
  }

  private static void closeQuietly(ServiceBackend backend) {
    try {
      backend.close();
    } catch (RuntimeException e) {
      LOG.warn("closing an EAS replica backend failed", e);
    }
  }

  private void tick() {
    try {
      context.store.tick();
    } catch (RuntimeException e) {
      // A failed round must not cancel the schedule; the next one retries.
      LOG.warn("EAS emulation tick failed", e);
    }
  }

  /**
   * The EAS control-plane handlers, for {@code ControlPlane}.
   *
   * @return handlers for {@code Product.EAS}
   */
  public List<ProductHandler> handlers() {
    return handlers;
  }

  /**
   * The gateway route, for {@code LocalPaiServer}.
   *
   * @return the data-plane route
   */
  public DataPlaneRoute gateway() {
    return gateway;
  }

  /**
   * Tells the emulation where LocalPai listens, for service endpoints and mirror copies. Call once
   * the server is bound, before serving requests.
   *
   * @param endpoint e.g. {@code http://127.0.0.1:41234}
   */
  public void attach(URI endpoint) {
    context.attach(endpoint);
  }

  /**
   * Injected EAS faults.
   *
   * @return the faults
   */
  public EasFaults faults() {
    return faults;
  }

  /**
   * The store of services and groups, for LocalPai's state directory.
   *
   * @return the store
   */
  public PersistentStore store() {
    return context.store;
  }

  /**
   * Kills one ready replica of a service; it restarts at once and loads again, and its {@code
   * RestartCount} grows.
   *
   * @param service service name
   * @return the killed instance's name, empty if the service has no ready replica
   * @throws IllegalArgumentException if no such service exists
   */
  public Optional<String> killReplica(String service) {
    return context.store.atomically(
        () -> {
          EasService s =
              context
                  .store
                  .service(service)
                  .orElseThrow(
                      () -> new IllegalArgumentException("no EAS service named " + service));
          return context.lifecycle.kill(s);
        });
  }

  /**
   * Stops the ticker and the mirror thread, and closes every replica (waiting up to 2 s for their
   * backends to close). Idempotent.
   */
  @Override
  public void close() {
    ticking.cancel(false);
    mirror.close();
    context.store.closeReplicas();
    ticker.shutdown();
    try {
      if (!ticker.awaitTermination(2, TimeUnit.SECONDS)) {
        ticker.shutdownNow();
      }
    } catch (InterruptedException e) {
      ticker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
