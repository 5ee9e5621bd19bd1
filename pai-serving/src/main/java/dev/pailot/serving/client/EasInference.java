package dev.pailot.serving.client;

import dev.pailot.core.Pai;
import dev.pailot.core.error.ResourceNotFoundException;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PaiRuntime;
import dev.pailot.serving.eas.EasService;
import dev.pailot.serving.eas.internal.EasApi;
import java.util.Objects;

/**
 * Inference clients for EAS services found by name: one {@code DescribeService} gives the endpoint
 * (internet or intranet, per the {@code Pai}'s endpoint network) and the access token.
 *
 * <pre>{@code
 * try (InferenceClient client = EasInference.create(pai, "qwen_chat")) {
 *   ChatResult r = client.chat(ChatRequest.builder().model("qwen").user("Hi").build());
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe. The token is read once: a client made before the token changes
 * keeps the old one.
 */
public final class EasInference {
  private EasInference() {}

  /**
   * A builder with the service's endpoint and token set, to configure further.
   *
   * @param pai the configured connection
   * @param serviceName the EAS service
   * @return builder
   * @throws ResourceNotFoundException if there is no such service
   * @throws ValidationException if EAS reports no endpoint for the caller's network
   */
  public static InferenceClientBuilder builder(Pai pai, String serviceName) {
    Objects.requireNonNull(pai, "pai");
    if (serviceName == null || serviceName.isBlank()) {
      throw ValidationException.invalidField("serviceName", "is empty", "pass the service name");
    }
    PaiRuntime runtime = PaiRuntime.of(pai);
    EasService s = new EasApi(runtime).describe(serviceName);
    String endpoint =
        s.endpoint(runtime.config().network())
            .orElseThrow(
                () ->
                    ValidationException.invalidField(
                        "serviceName",
                        "EAS reports no endpoint for " + serviceName,
                        "check the service's networking settings"));
    InferenceClientBuilder b = InferenceClient.builder().endpoint(endpoint);
    s.accessToken().ifPresent(b::token);
    return b;
  }

  /**
   * A client with default settings for the service.
   *
   * @param pai the configured connection
   * @param serviceName the EAS service
   * @return the client; the caller closes it
   * @throws ResourceNotFoundException if there is no such service
   */
  public static InferenceClient create(Pai pai, String serviceName) {
    return builder(pai, serviceName).build();
  }
}
