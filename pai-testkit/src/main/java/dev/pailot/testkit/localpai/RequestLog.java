package dev.pailot.testkit.localpai;

import dev.pailot.core.Product;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The control-plane requests a {@link LocalPai} has answered, oldest first, including rejected ones
 * (bad signature, injected faults). Lets tests prove what the SDK did, e.g. that a second {@code
 * apply} sends no create call:
 *
 * <pre>{@code
 * assertThat(localPai.requests().count(Product.VPC, "CreateVpc")).isEqualTo(1);
 * }</pre>
 *
 * <p>Thread-safe. Keeps the most recent {@value #CAPACITY} requests so that a long-running
 * standalone emulator does not grow without bound.
 */
public final class RequestLog {
  /** How many requests are kept. */
  public static final int CAPACITY = 100_000;

  private final Deque<RecordedRequest> entries = new ArrayDeque<>();

  RequestLog() {}

  synchronized void append(RecordedRequest request) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  /**
   * A snapshot of every recorded request, oldest first.
   *
   * @return the requests
   */
  public synchronized List<RecordedRequest> all() {
    return List.copyOf(entries);
  }

  /**
   * The recorded requests for one action, oldest first.
   *
   * @param product the product
   * @param action the API action, e.g. {@code CreateVpc}
   * @return the matching requests
   */
  public synchronized List<RecordedRequest> of(Product product, String action) {
    Objects.requireNonNull(action, "action");
    return entries.stream()
        .filter(r -> r.product() == product && action.equals(r.action()))
        .toList();
  }

  /**
   * How many requests for an action arrived, successful or not (retries count separately).
   *
   * @param product the product
   * @param action the API action
   * @return the count
   */
  public int count(Product product, String action) {
    return of(product, action).size();
  }

  /**
   * How many requests for a product arrived.
   *
   * @param product the product
   * @return the count
   */
  public synchronized int count(Product product) {
    return (int) entries.stream().filter(r -> r.product() == product).count();
  }

  /** Forgets every recorded request, e.g. between the phases of a test. */
  public synchronized void clear() {
    entries.clear();
  }
}
