package dev.pailot.serving.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Whole-answer calls on OkHttp: enqueued on the dispatcher, or, for a caller that waits for this
 * very answer, executed on the caller's own thread with no hand-off to an I/O thread and back.
 */
final class OkHttpUnary implements UnaryTransport {
  private final OkHttpClient http;

  OkHttpUnary(OkHttpClient http) {
    this.http = http;
  }

  @Override
  public void send(Outgoing o, Callback callback, boolean inline) {
    Call call = http.newCall(HttpSetup.post(o));
    callback.cancelWith(call::cancel);
    if (!inline) {
      call.enqueue(new Answer(callback));
      return;
    }
    Response response;
    // Exception, not IOException: OkHttp is Kotlin and can also throw an undeclared
    // InterruptedException.
    try {
      response = call.execute();
    } catch (Exception e) {
      if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        Thread.currentThread().interrupt();
        callback.interrupted();
      } else if (e instanceof IOException io) {
        callback.unreachable(io, neverConnected(io));
      } else {
        callback.failed(e);
      }
      return;
    }
    try (response) {
      callback.answered(new OkHttpAnswer(response));
    }
  }

  static boolean neverConnected(IOException e) {
    return e instanceof ConnectException || e instanceof UnknownHostException;
  }

  /** OkHttp's callbacks for one call, on the I/O thread. */
  private record Answer(Callback callback) implements okhttp3.Callback {
    @Override
    public void onFailure(Call call, IOException e) {
      callback.unreachable(e, neverConnected(e));
    }

    @Override
    public void onResponse(Call call, Response response) {
      try (response) {
        callback.answered(new OkHttpAnswer(response));
      }
    }
  }
}
