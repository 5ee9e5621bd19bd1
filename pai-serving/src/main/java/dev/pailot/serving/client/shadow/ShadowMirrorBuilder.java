package dev.pailot.serving.client.shadow;

import dev.pailot.core.error.ValidationException;
import dev.pailot.serving.client.InferenceClient;

/**
 * Configures a {@link ShadowMirror}: the primary and shadow clients, the settings and the listener.
 * Not thread-safe; {@link #build()} validates everything and throws a {@link ValidationException}
 * naming the field and the fix.
 */
public final class ShadowMirrorBuilder {
  private InferenceClient primary;
  private InferenceClient shadow;
  private ShadowSettings settings = ShadowSettings.defaults();
  private ShadowListener listener;

  ShadowMirrorBuilder() {}

  /**
   * The client whose answers callers get. Required.
   *
   * @param client the primary client
   * @return this builder
   */
  public ShadowMirrorBuilder primary(InferenceClient client) {
    this.primary = client;
    return this;
  }

  /**
   * The client copies go to. Required; give it its own limits so shadow load stays bounded.
   *
   * @param client the shadow client
   * @return this builder
   */
  public ShadowMirrorBuilder shadow(InferenceClient client) {
    this.shadow = client;
    return this;
  }

  /**
   * Share, sampling and concurrency. Default {@link ShadowSettings#defaults()}.
   *
   * @param settings the settings
   * @return this builder
   */
  public ShadowMirrorBuilder settings(ShadowSettings settings) {
    this.settings = settings;
    return this;
  }

  /**
   * Receives each comparison, e.g. a {@link ShadowRecorder}. Required.
   *
   * @param listener the listener
   * @return this builder
   */
  public ShadowMirrorBuilder listener(ShadowListener listener) {
    this.listener = listener;
    return this;
  }

  /**
   * Validates and builds the mirror.
   *
   * @return the mirror
   * @throws ValidationException naming a missing field
   */
  public ShadowMirror build() {
    require("primary", primary, "set primary(client)");
    require("shadow", shadow, "set shadow(candidateClient)");
    require("settings", settings, "leave it unset for the defaults");
    require("listener", listener, "set listener(ShadowRecorder.withCapacity(1000))");
    if (primary == shadow) {
      throw ValidationException.invalidField(
          "shadow", "is the primary client", "give the shadow endpoint its own client");
    }
    return new ShadowMirror(primary, shadow, settings, listener);
  }

  private static void require(String field, Object value, String fix) {
    if (value == null) {
      throw ValidationException.invalidField(field, "is missing", fix);
    }
  }
}
