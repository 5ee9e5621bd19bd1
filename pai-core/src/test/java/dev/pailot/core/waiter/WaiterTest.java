package dev.pailot.core.waiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.WaiterTimeoutException;
import dev.pailot.core.error.WaiterUnrecoverableStateException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class WaiterTest {
  private static Waiter.Builder<String> waiter(Deque<String> states) {
    return Waiter.<String>builder("thing Available")
        .poll(() -> states.size() > 1 ? states.poll() : states.peek())
        .until("Available"::equals)
        .failWhen("Failed"::equals)
        .delays(Duration.ofMillis(1), Duration.ofMillis(2));
  }

  @Test
  void returnsOnceTheDesiredStateIsReached() {
    Deque<String> states = new ArrayDeque<>(List.of("Pending", "Pending", "Available"));
    List<WaiterPoll> polls = new ArrayList<>();
    String result = waiter(states).onPoll(polls::add).build().await();
    assertThat(result).isEqualTo("Available");
    assertThat(polls)
        .extracting(WaiterPoll::state)
        .containsExactly("Pending", "Pending", "Available");
    assertThat(polls.get(polls.size() - 1).done()).isTrue();
    assertThat(polls.get(polls.size() - 1).polls()).isEqualTo(3);
  }

  @Test
  void failsFastOnAnUnrecoverableState() {
    Deque<String> states = new ArrayDeque<>(List.of("Pending", "Failed", "Available"));
    assertThatThrownBy(() -> waiter(states).build().await())
        .isInstanceOf(WaiterUnrecoverableStateException.class)
        .hasMessageContaining("thing Available")
        .hasMessageContaining("Failed");
    assertThat(states).containsExactly("Available");
  }

  @Test
  void timesOutWithTheLastStateInTheMessage() {
    Deque<String> states = new ArrayDeque<>(List.of("Pending"));
    assertThatThrownBy(() -> waiter(states).timeout(Duration.ofMillis(30)).build().await())
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("last state Pending");
  }

  @Test
  void toleratesNotFoundRightAfterCreate() {
    int[] calls = {0};
    String result =
        Waiter.<String>builder("vpc Available")
            .poll(
                () -> {
                  if (calls[0]++ < 2) {
                    throw new ResourceNotFoundException("not yet", null, null);
                  }
                  return "Available";
                })
            .until("Available"::equals)
            .tolerate(ResourceNotFoundException.class)
            .delays(Duration.ofMillis(1), Duration.ofMillis(1))
            .build()
            .await();
    assertThat(result).isEqualTo("Available");
    assertThat(calls[0]).isEqualTo(3);
  }

  @Test
  void untoleratedErrorsPropagateAtOnce() {
    int[] calls = {0};
    Waiter<String> w =
        Waiter.<String>builder("x")
            .poll(
                () -> {
                  calls[0]++;
                  throw new ResourceNotFoundException("gone", null, null);
                })
            .until("Available"::equals)
            .delays(Duration.ofMillis(1), Duration.ofMillis(1))
            .build();
    assertThatThrownBy(w::await).isInstanceOf(ResourceNotFoundException.class);
    assertThat(calls[0]).isEqualTo(1);
  }

  @Test
  void toleratedErrorUntilDeadlineBecomesTimeout() {
    Waiter<String> w =
        Waiter.<String>builder("dataset d-1 visible")
            .poll(
                () -> {
                  throw new ResourceNotFoundException("gone", null, null);
                })
            .until("Available"::equals)
            .tolerate(ResourceNotFoundException.class)
            .delays(Duration.ofMillis(1), Duration.ofMillis(1))
            .timeout(Duration.ofMillis(20))
            .build();
    assertThatThrownBy(w::await)
        .isInstanceOf(WaiterTimeoutException.class)
        .hasMessageContaining("ResourceNotFoundException");
  }

  @Test
  void awaitsAsyncOnTheGivenExecutor() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "poller"));
    try {
      String[] thread = new String[1];
      String result =
          Waiter.<String>builder("x")
              .poll(
                  () -> {
                    thread[0] = Thread.currentThread().getName();
                    return "Available";
                  })
              .until("Available"::equals)
              .build()
              .awaitAsync(executor)
              .get();
      assertThat(result).isEqualTo("Available");
      assertThat(thread[0]).isEqualTo("poller");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void cancellingTheAsyncWaitStopsPolling() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "poller"));
    try {
      java.util.concurrent.CountDownLatch polled = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CompletableFuture<String> wait =
          Waiter.<String>builder("never")
              .poll(
                  () -> {
                    polled.countDown();
                    return "Pending";
                  })
              .until("Available"::equals)
              .delays(Duration.ofMillis(50), Duration.ofMillis(50))
              .timeout(Duration.ofMinutes(5))
              .build()
              .awaitAsync(executor);
      assertThat(polled.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      wait.cancel(true);
      // The single thread is free again only once the polling task has ended: with a five-minute
      // deadline, that happens only because the cancellation interrupted it.
      executor.submit(() -> {}).get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(wait).isCancelled();
    } finally {
      executor.shutdownNow();
    }
  }
}
