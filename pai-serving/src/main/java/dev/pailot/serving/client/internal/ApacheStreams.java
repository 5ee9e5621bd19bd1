package dev.pailot.serving.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.sse.internal.ServerSentEventReader;
import okio.Buffer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Streams on Apache HttpClient 5's non-blocking client, so an open stream holds no thread while it
 * waits for its next event. The I/O reactor only appends the bytes it reads to the stream's buffer
 * and notes where complete events end (a blank line); the stream's reports then run on the client's
 * executor, one task at a time per stream, where okhttp-sse's event parser reads the complete
 * events. Flow control: the connection may have at most {@link #WINDOW} bytes of complete events
 * read and not yet parsed (an event's unfinished tail does not count, so an event of any size gets
 * through); while the consumer holds the reporting task (waiting for a subscriber's demand), the
 * window is not reopened and TCP pushes back on the server.
 *
 * <p>A {@linkplain Events#direct() direct} stream's opening and events are reported on the reactor
 * thread as it reads them, saving a hand-off per event; its end still goes to the executor, so a
 * result future's dependents never run on the reactor when a stream ends.
 */
final class ApacheStreams implements StreamTransport {
  /** Bytes a stream may have read ahead of its consumer. */
  static final int WINDOW = 64 * 1024;

  private final CloseableHttpAsyncClient http;
  private final Executor executor;

  ApacheStreams(CloseableHttpAsyncClient http, Executor executor) {
    this.http = http;
    this.executor = executor;
  }

  @Override
  public void open(Outgoing o, Events events) {
    Call call = new Call(events, executor);
    events.cancelWith(ApacheHttp.execute(http, o, call, call.ending()));
  }

  /**
   * One stream: the reactor's side (the consumer methods) and the reporting side ({@link #run}).
   */
  private static final class Call implements AsyncResponseConsumer<Void>, Runnable {
    private final Events events;
    private final Executor executor;
    private final boolean direct;
    private final AtomicInteger work = new AtomicInteger();
    private final Buffer ready = new Buffer(); // only the reporting task touches it
    private final ServerSentEventReader parser;
    // guarded by this:
    private final Buffer pending = new Buffer();
    private long complete; // bytes of pending that end in a blank line
    private boolean atLineStart = true;
    private boolean afterCr;
    private CapacityChannel channel;
    private long window;
    private long parsing; // taken into ready, not yet parsed
    private boolean opened;
    private boolean ended;
    private Throwable failure;
    private HttpAnswer failedAnswer;
    private ByteArrayOutputStream errorBody;
    private ApacheAnswer head;
    private FutureCallback<Void> result;
    // only the reporting task:
    private boolean openReported;
    private boolean endReported;

    Call(Events events, Executor executor) {
      this.events = events;
      this.executor = executor;
      this.direct = events.direct();
      this.parser =
          new ServerSentEventReader(
              ready,
              new ServerSentEventReader.Callback() {
                @Override
                public void onEvent(String id, String type, String data) {
                  events.event(data);
                }

                @Override
                public void onRetryChange(long timeMs) {
                  // Reconnection is not used: a generation is never resumed.
                }
              });
    }

    FutureCallback<Void> ending() {
      return new FutureCallback<>() {
        @Override
        public void completed(Void result) {
          // The consumer reported the end.
        }

        @Override
        public void failed(Exception e) {
          fail(e, null);
        }

        @Override
        public void cancelled() {
          fail(new IOException("Canceled"), null);
        }
      };
    }

    @Override
    public void consumeResponse(
        HttpResponse response,
        EntityDetails entity,
        HttpContext context,
        FutureCallback<Void> result) {
      ApacheAnswer h = new ApacheAnswer(response, new byte[0]);
      String type = h.header("Content-Type");
      synchronized (this) {
        this.result = result;
        head = h;
        if (h.code() < 200 || h.code() >= 300) {
          errorBody = new ByteArrayOutputStream();
          if (entity == null) {
            fail(null, h);
            result.completed(null);
          }
          return;
        }
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
          fail(new IllegalStateException("Invalid content-type: " + type), h);
          return;
        }
        opened = true;
        if (entity == null) {
          ended = true;
          result.completed(null);
        }
      }
      schedule(direct);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
      // 1xx answers carry nothing for a stream.
    }

    @Override
    public void updateCapacity(CapacityChannel c) {
      synchronized (this) {
        channel = c;
      }
      grant();
    }

    @Override
    public void consume(ByteBuffer src) {
      boolean errorAnswer;
      boolean eventEnded = false;
      synchronized (this) {
        window -= src.remaining();
        errorAnswer = errorBody != null;
        if (errorAnswer) {
          int n = (int) Math.min(src.remaining(), HttpAnswer.PEEK_LIMIT - errorBody.size());
          if (n > 0) {
            byte[] b = new byte[n];
            src.get(b);
            errorBody.write(b, 0, n);
          }
          src.position(src.limit());
        } else {
          long before = complete;
          frameAndKeep(src);
          eventEnded = complete != before;
        }
      }
      if (errorAnswer || !eventEnded) {
        grant(); // a read that completes no event leaves nothing to report
      } else {
        schedule(direct);
      }
    }

    /** Notes where events end in {@code src}, then keeps it. Guarded by this. */
    private void frameAndKeep(ByteBuffer src) {
      long base = pending.size();
      for (int i = src.position(); i < src.limit(); i++) {
        frame(src.get(i), base + i - src.position());
      }
      try {
        pending.write(src);
      } catch (IOException cannot) {
        throw new IllegalStateException(cannot); // a Buffer does not fail
      }
    }

    /** Notes a line end; a line end at the start of a line ends an event. Guarded by this. */
    private void frame(byte b, long at) {
      if (afterCr && b == '\n') {
        afterCr = false; // the second half of CRLF
        return;
      }
      afterCr = b == '\r';
      if (b == '\r' || b == '\n') {
        if (atLineStart) {
          complete = at + 1;
        }
        atLineStart = true;
      } else {
        atLineStart = false;
      }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
      FutureCallback<Void> r;
      boolean errorAnswer;
      synchronized (this) {
        r = result;
        errorAnswer = errorBody != null;
        if (errorAnswer) {
          fail(null, new ApacheAnswer(head.head(), errorBody.toByteArray()));
        } else {
          ended = true;
        }
      }
      if (!errorAnswer) {
        schedule(direct);
      }
      r.completed(null); // the exchange is over; what it carried is reported above
    }

    @Override
    public void failed(Exception cause) {
      fail(cause, null);
    }

    @Override
    public void releaseResources() {
      // Buffers go with the call.
    }

    private void fail(Throwable cause, HttpAnswer answer) {
      synchronized (this) {
        if (failure != null || failedAnswer != null) {
          return;
        }
        failure = cause;
        failedAnswer = answer;
        if (cause == null && answer == null) {
          failure = new IOException("the stream failed without a cause");
        }
      }
      schedule(false); // may come from any thread: a timer, the caller cancelling
    }

    /**
     * Reports what is new: on this thread when {@code inline} (the reactor, for a direct stream),
     * else on the executor; never two reports at once.
     */
    private void schedule(boolean inline) {
      if (work.getAndIncrement() == 0) {
        if (inline) {
          drain(true);
          return;
        }
        try {
          executor.execute(this);
        } catch (RejectedExecutionException closing) {
          run();
        }
      }
    }

    /** The reporting task: opened, then events as they complete, then one ending. */
    @Override
    public void run() {
      drain(false);
    }

    private void drain(boolean inline) {
      do {
        report(inline);
      } while (work.decrementAndGet() != 0);
    }

    private void report(boolean inline) {
      if (endReported) {
        return;
      }
      boolean open;
      long take;
      Throwable error;
      HttpAnswer answer;
      boolean end;
      synchronized (this) {
        open = opened;
        take = complete;
        if (take > 0) {
          pending.read(ready, take);
          complete = 0;
          parsing = take;
        }
        error = failure;
        answer = failedAnswer;
        end = ended;
      }
      if (open && !openReported) {
        openReported = true;
        events.opened();
      }
      if (take > 0) {
        try {
          while (parser.processNextEvent()) {
            // each complete event reaches events.event(...)
          }
        } catch (IOException | RuntimeException e) {
          error = error != null ? error : e;
        }
        ready.clear();
        synchronized (this) {
          parsing = 0;
        }
        grant();
      }
      if (error != null || answer != null || end) {
        endReported = true;
        Throwable cause = error;
        Runnable ending = () -> reportEnd(cause, answer);
        if (!inline) {
          ending.run();
          return;
        }
        try {
          executor.execute(ending); // after every event: this stream reports nothing more
        } catch (RejectedExecutionException closing) {
          ending.run();
        }
      }
    }

    private void reportEnd(Throwable error, HttpAnswer answer) {
      if (error != null || answer != null) {
        events.failed(error, answer);
      } else {
        events.closed();
      }
    }

    /** Reopens the window by what was parsed since, once that is half of it. */
    private void grant() {
      CapacityChannel c;
      long more;
      synchronized (this) {
        c = channel;
        // An event's unfinished tail does not count: its end must be read before it can be parsed.
        more = WINDOW - window - complete - parsing;
        // Reopening wakes the reactor: do it once half the window is used, not after every read.
        if (c == null || more < WINDOW / 2) {
          return;
        }
        window += more;
      }
      try {
        c.update((int) more);
      } catch (IOException e) {
        fail(e, null);
      }
    }
  }
}
