package dev.pailot.serving.client.internal;

import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * Streams on OkHttp and okhttp-sse: each open stream holds one thread of the client's executor,
 * which reads it and makes every report.
 */
final class OkHttpStreams implements StreamTransport {
  private final EventSource.Factory sse;

  OkHttpStreams(OkHttpClient http) {
    this.sse = EventSources.createFactory(http);
  }

  @Override
  public void open(Outgoing o, Events events) {
    EventSource source = sse.newEventSource(HttpSetup.post(o), new Listener(events));
    events.cancelWith(source::cancel);
  }

  /** okhttp-sse's callbacks, on the stream's reading thread. */
  private static final class Listener extends EventSourceListener {
    private final Events events;

    Listener(Events events) {
      this.events = events;
    }

    @Override
    public void onOpen(EventSource source, Response response) {
      events.opened();
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
      events.event(data);
    }

    @Override
    public void onClosed(EventSource source) {
      events.closed();
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
      events.failed(t, response == null ? null : new OkHttpAnswer(response));
    }
  }
}
