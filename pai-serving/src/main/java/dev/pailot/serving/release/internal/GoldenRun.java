package dev.pailot.serving.release.internal;

import dev.pailot.serving.client.ChatRequest;
import dev.pailot.serving.client.InferenceClient;
import dev.pailot.serving.release.gates.GoldenExample;
import dev.pailot.serving.release.gates.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks green (and blue, for examples judged by agreement) every golden prompt with greedy decoding
 * and scores the answers. Used by the golden-set gate and the shadow comparison. Thread-safe
 * (stateless); the calls run one after another on the caller's thread.
 */
public final class GoldenRun {
  private GoldenRun() {}

  /**
   * How one example went.
   *
   * @param prompt the prompt
   * @param expected what was expected (blue's answer for agreement examples), empty if unknown
   * @param actual green's answer, empty if it failed
   * @param score the score, 0 when either side failed
   * @param error why a side failed, empty when both answered
   */
  public record Outcome(
      String prompt, String expected, String actual, double score, Optional<String> error) {}

  /**
   * Settings for the requests.
   *
   * @param model model name, empty for the served model
   * @param maxTokens answer length limit
   */
  public record Settings(Optional<String> model, int maxTokens) {}

  /**
   * Runs every example.
   *
   * @param examples the golden set
   * @param green green's client
   * @param blue blue's client, used for examples without an expected answer
   * @param scorer the scorer
   * @param settings request settings
   * @return one outcome per example, in order
   */
  public static List<Outcome> run(
      List<GoldenExample> examples,
      InferenceClient green,
      InferenceClient blue,
      Scorer scorer,
      Settings settings) {
    List<Outcome> out = new ArrayList<>();
    for (GoldenExample e : examples) {
      String expected;
      try {
        expected = e.expected().isPresent() ? e.expected().get() : ask(blue, e.prompt(), settings);
      } catch (RuntimeException ex) {
        out.add(new Outcome(e.prompt(), "", "", 0, Optional.of("blue: " + ex.getMessage())));
        continue;
      }
      try {
        String actual = ask(green, e.prompt(), settings);
        out.add(
            new Outcome(
                e.prompt(), expected, actual, scorer.score(expected, actual), Optional.empty()));
      } catch (RuntimeException ex) {
        out.add(new Outcome(e.prompt(), expected, "", 0, Optional.of("green: " + ex.getMessage())));
      }
    }
    return out;
  }

  /**
   * Asks one prompt with temperature 0.
   *
   * @param client the client
   * @param prompt the prompt
   * @param settings request settings
   * @return the answer's text
   */
  public static String ask(InferenceClient client, String prompt, Settings settings) {
    ChatRequest.Builder b =
        ChatRequest.builder().user(prompt).temperature(0.0).maxTokens(settings.maxTokens());
    settings.model().ifPresent(b::model);
    return client.chat(b.build()).text();
  }
}
