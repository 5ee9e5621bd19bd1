package dev.pailot.training.spot;

import dev.pailot.core.Pai;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.core.pricing.PriceBook;
import dev.pailot.training.DlcClient;
import dev.pailot.training.JobSpec;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spot training on DLC that survives preemption: the client for {@link SpotRun}s. A run submits its
 * job on spot capacity, and when DLC reclaims the capacity it submits the job again, resuming from
 * the newest complete checkpoint, until training finishes or a limit is reached.
 *
 * <pre>{@code
 * try (SpotTraining training = SpotTraining.create(pai)) {
 *   SpotRunReport report = training.spotRun(spec)
 *       .resumeOnPreemption()
 *       .maxAttempts(10)
 *       .deadline(Duration.ofHours(12))
 *       .budget(new BigDecimal("200.00"))
 *       .checkpointStore(store)
 *       .build()
 *       .await();
 * }
 * }</pre>
 *
 * <p>Thread-safe; create one per {@link Pai} and share it. Each running run occupies one thread
 * while it runs: the client's own (named daemon threads {@code pailot-spot-run-N}, created on
 * demand) or the caller's executor. Prices come from {@link PriceBook#defaults()} unless the
 * builder is given a price book. {@link #close()} abandons the runs still running (they end with
 * {@link RunOutcome#ERROR} and leave their DLC job as it is: stop runs first to stop their jobs),
 * ends the threads it owns and closes the {@link DlcClient} it created; a caller's DLC client and
 * executor are left alone.
 */
public final class SpotTraining implements AutoCloseable {
  private final PaiRuntime runtime;
  private final DlcClient dlc;
  private final boolean ownsDlc;
  private final PriceBook prices;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final Set<SpotRun> active = ConcurrentHashMap.newKeySet();

  private SpotTraining(Builder b) {
    this.runtime = PaiRuntime.of(b.pai);
    this.ownsDlc = b.dlc == null;
    this.dlc = ownsDlc ? DlcClient.create(b.pai) : b.dlc;
    this.prices = b.prices;
    if (b.executor == null) {
      AtomicInteger n = new AtomicInteger();
      this.ownedExecutor =
          new ThreadPoolExecutor(
              0,
              Integer.MAX_VALUE,
              60,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              r -> {
                Thread t = new Thread(r, "pailot-spot-run-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      this.executor = ownedExecutor;
    } else {
      this.ownedExecutor = null;
      this.executor = b.executor;
    }
  }

  /**
   * A client that owns its DLC client and threads and prices with {@link PriceBook#defaults()}.
   *
   * @param pai the configured connection
   * @return the client
   */
  public static SpotTraining create(Pai pai) {
    return builder(pai).build();
  }

  /**
   * A builder, to pass a DLC client, a price book or an executor.
   *
   * @param pai the configured connection
   * @return builder
   */
  public static Builder builder(Pai pai) {
    return new Builder(Objects.requireNonNull(pai, "pai"));
  }

  /**
   * Starts describing a spot run of a job. The spec needs a checkpoint location ({@link
   * JobSpec#validateForSpotRun()}); its display name names the run.
   *
   * @param spec the job, as every attempt runs it (plus the resume contract's variables)
   * @return a fluent builder; nothing is sent until the run starts
   */
  public SpotRun.Builder spotRun(JobSpec spec) {
    return new SpotRun.Builder(this, Objects.requireNonNull(spec, "spec"));
  }

  /**
   * The prices runs estimate costs with.
   *
   * @return price book
   */
  public PriceBook priceBook() {
    return prices;
  }

  /**
   * Abandons the runs still running (their DLC jobs are left as they are; stop runs first to stop
   * them), ends the threads this client owns and closes the DLC client it created. Idempotent.
   */
  @Override
  public void close() {
    List.copyOf(active).forEach(SpotRun::abandon);
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
    if (ownsDlc) {
      dlc.close();
    }
  }

  DlcClient dlc() {
    return dlc;
  }

  PaiRuntime runtime() {
    return runtime;
  }

  Executor executor() {
    return executor;
  }

  Clock clock() {
    return Clock.systemUTC();
  }

  void started(SpotRun run) {
    active.add(run);
  }

  void ended(SpotRun run) {
    active.remove(run);
  }

  /** Builds a {@link SpotTraining}. Not thread-safe. */
  public static final class Builder {
    private final Pai pai;
    private DlcClient dlc;
    private PriceBook prices = PriceBook.defaults();
    private Executor executor;

    private Builder(Pai pai) {
      this.pai = pai;
    }

    /**
     * Uses the caller's DLC client (not closed by {@link SpotTraining#close()}). Default: one of
     * its own.
     *
     * @param dlc DLC client of the same {@code Pai}
     * @return this builder
     */
    public Builder dlcClient(DlcClient dlc) {
      this.dlc = Objects.requireNonNull(dlc, "dlc");
      return this;
    }

    /**
     * The prices to estimate costs and budgets with, e.g. {@code
     * PriceBook.defaults().merge(PriceBook.fromJson(path))}. Default {@link PriceBook#defaults()}.
     *
     * @param prices price book
     * @return this builder
     */
    public Builder priceBook(PriceBook prices) {
      this.prices = Objects.requireNonNull(prices, "prices");
      return this;
    }

    /**
     * Runs spot runs on the caller's executor (one thread per running run, for its whole length;
     * the caller shuts it down). Default: the client's own named daemon threads.
     *
     * @param executor executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the client. No network call is made; no thread is started.
     *
     * @return the client
     */
    public SpotTraining build() {
      return new SpotTraining(this);
    }
  }
}
