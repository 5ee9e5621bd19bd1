package dev.pailot.serving.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that holds every answer until {@link #release()}, so a test can act
 * (register a dependent stage) before any answer arrives.
 */
final class HeldAnswers extends Dispatcher {
  private final CountDownLatch gate = new CountDownLatch(1);
  private final Supplier<MockResponse> answer;

  HeldAnswers(Supplier<MockResponse> answer) {
    this.answer = answer;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    gate.await(Await.GUARD_SECONDS, TimeUnit.SECONDS);
    return answer.get();
  }

  void release() {
    gate.countDown();
  }
}
