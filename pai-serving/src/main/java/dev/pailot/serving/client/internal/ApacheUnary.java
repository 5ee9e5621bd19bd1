package dev.pailot.serving.client.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Whole-answer calls on Apache HttpClient 5's non-blocking client ({@link ApacheHttp}). An answer
 * is handed to the client's executor before any callback runs, so a slow reader or a caller's
 * dependent stage never holds up the reactor's other connections. A caller waiting for this very
 * answer (a blocking predict) waits inside {@link #send} and handles the answer on its own thread:
 * the reactor only wakes it, as gRPC's blocking stubs do with their "threadless" executor, so the
 * answer's bookkeeping (reading, metrics, releases) runs on the otherwise idle caller instead of
 * delaying the reactor's other connections.
 */
final class ApacheUnary implements UnaryTransport {
  private final CloseableHttpAsyncClient http;
  private final Executor executor;

  ApacheUnary(CloseableHttpAsyncClient http, Executor executor) {
    this.http = http;
    this.executor = executor;
  }

  @Override
  public void send(Outgoing o, Callback callback, boolean inline) {
    Head head = new Head(SimpleResponseConsumer.create());
    if (!inline) {
      callback.cancelWith(ApacheHttp.execute(http, o, head, new Outcome(callback, head, executor)));
      return;
    }
    Handoff handoff = new Handoff(Thread.currentThread());
    Runnable cancel = ApacheHttp.execute(http, o, head, new Outcome(callback, head, handoff));
    callback.cancelWith(cancel);
    handoff.await(cancel, callback);
  }

  /**
   * Hands one report to the thread waiting in {@link #send}. The call reports exactly once
   * (completed, failed or cancelled), so the waiter always wakes; a cancelled call reports nothing.
   */
  private static final class Handoff implements Executor {
    private static final Runnable NOTHING = () -> {};

    private final Thread waiter;
    private volatile Runnable report;
    private volatile boolean failed;

    Handoff(Thread waiter) {
      this.waiter = waiter;
    }

    @Override
    public void execute(Runnable r) {
      report = r;
      LockSupport.unpark(waiter);
    }

    void cancelled() {
      execute(NOTHING);
    }

    void failed(Runnable r) {
      failed = true;
      execute(r);
    }

    /**
     * Runs the report here. On interrupt (while waiting, or behind a failure: Apache fails a call
     * whose caller is interrupted) cancels the call and reports that instead, as the OkHttp path
     * does; the interrupt flag stays set.
     */
    void await(Runnable cancel, Callback callback) {
      Runnable r;
      while ((r = report) == null && !Thread.currentThread().isInterrupted()) {
        LockSupport.park(this);
      }
      if (Thread.currentThread().isInterrupted() && (r == null || failed)) {
        cancel.run();
        callback.interrupted();
        return;
      }
      r.run();
    }
  }

  /**
   * Reports the outcome once, on the given executor: the client's, or the waiting caller's {@link
   * Handoff}, which also needs to know when there is no answer to report.
   */
  private record Outcome(Callback callback, Head head, Executor on)
      implements FutureCallback<SimpleHttpResponse> {
    @Override
    public void completed(SimpleHttpResponse response) {
      byte[] body = response.getBodyBytes();
      ApacheAnswer answer = new ApacheAnswer(response, body != null ? body : new byte[0]);
      run(() -> callback.answered(answer));
    }

    @Override
    public void failed(Exception e) {
      IOException io = e instanceof IOException i ? i : new IOException(e.getMessage(), e);
      Runnable report =
          head.started
              ? () -> callback.lost(io)
              : () -> callback.unreachable(io, OkHttpUnary.neverConnected(io));
      if (on instanceof Handoff h) {
        h.failed(report);
      } else {
        run(report);
      }
    }

    @Override
    public void cancelled() {
      // Only the exchange cancels, once it no longer listens; a waiting caller must still wake.
      if (on instanceof Handoff h) {
        h.cancelled();
      }
    }

    private void run(Runnable report) {
      try {
        on.execute(report);
      } catch (RejectedExecutionException closing) {
        report.run();
      }
    }
  }

  /** A response consumer that notes when the answer's head arrived, for a later failure's kind. */
  private static final class Head implements AsyncResponseConsumer<SimpleHttpResponse> {
    private final AsyncResponseConsumer<SimpleHttpResponse> body;
    private volatile boolean started;

    Head(AsyncResponseConsumer<SimpleHttpResponse> body) {
      this.body = body;
    }

    @Override
    public void consumeResponse(
        HttpResponse response,
        EntityDetails entity,
        HttpContext context,
        FutureCallback<SimpleHttpResponse> result)
        throws HttpException, IOException {
      started = true;
      body.consumeResponse(response, entity, context, result);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context)
        throws HttpException, IOException {
      body.informationResponse(response, context);
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
      body.updateCapacity(channel);
    }

    @Override
    public void consume(ByteBuffer data) throws IOException {
      body.consume(data);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
      body.streamEnd(trailers);
    }

    @Override
    public void failed(Exception cause) {
      body.failed(cause);
    }

    @Override
    public void releaseResources() {
      body.releaseResources();
    }
  }
}
