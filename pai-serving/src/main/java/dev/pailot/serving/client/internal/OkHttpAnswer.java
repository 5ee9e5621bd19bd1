package dev.pailot.serving.client.internal;

import java.io.IOException;
import okhttp3.Response;

/** An OkHttp response as an {@link HttpAnswer}; the caller closes the response. */
record OkHttpAnswer(Response response) implements HttpAnswer {
  @Override
  public int code() {
    return response.code();
  }

  @Override
  public String header(String name) {
    return response.header(name);
  }

  @Override
  public byte[] body() throws IOException {
    return response.body().bytes();
  }

  @Override
  public String peek() {
    try {
      return response.peekBody(PEEK_LIMIT).string().strip();
    } catch (IOException | IllegalStateException e) {
      return "";
    }
  }
}
