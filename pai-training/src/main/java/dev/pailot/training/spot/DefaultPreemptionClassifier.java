package dev.pailot.training.spot;

import dev.pailot.core.error.ValidationException;
import dev.pailot.training.Job;
import dev.pailot.training.JobEvent;
import dev.pailot.training.JobStatus;
import dev.pailot.training.Pod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The preemption classifier built from what DLC reports. An attempt was preempted when its job is
 * {@code Failed} and at least one of these holds, checked in this order:
 *
 * <ol>
 *   <li>its {@code ReasonCode} is one of {@link #reasonCodes()} (case-insensitive; default {@code
 *       SpotInstanceReclaimed}, {@code SpotInstanceRecycled}, {@code SpotReclaimed}, {@code
 *       InstanceReclaimed}, {@code Preempted}, {@code SpotPreempted}, {@code PodEvicted}, {@code
 *       Evicted});
 *   <li>a pod, or an earlier incarnation of one, has a sub-status in {@link #podSubStatuses()}
 *       (default {@code Evicted});
 *   <li>its {@code ReasonMessage} or one of its events matches one of {@link #patterns()} (default
 *       {@code (?i)reclaim}, {@code (?i)preempt}, {@code (?i)evict}).
 * </ol>
 *
 * <p>DLC documents no reason code for a reclaimed general-compute spot instance (PAI_API.md §2.6
 * and §2.8 list only {@code JobStoppedByUser}); {@code SpotInstanceReclaimed} is what LocalPai
 * reports, and the pod and event rules catch the other spellings. Add your own with the builder:
 *
 * <pre>{@code
 * PreemptionClassifier classifier = DefaultPreemptionClassifier.builder()
 *     .addReasonCodes("NodeRecycled")
 *     .addPatterns("(?i)instance .* released")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DefaultPreemptionClassifier implements PreemptionClassifier {
  private static final DefaultPreemptionClassifier DEFAULTS = builder().build();

  private final Set<String> reasonCodes;
  private final Set<String> podSubStatuses;
  private final List<Pattern> patterns;

  private DefaultPreemptionClassifier(Builder b) {
    this.reasonCodes = Set.copyOf(b.reasonCodes);
    this.podSubStatuses = Set.copyOf(b.podSubStatuses);
    this.patterns = List.copyOf(b.patterns);
  }

  /**
   * The default rules.
   *
   * @return the default classifier
   */
  public static DefaultPreemptionClassifier defaults() {
    return DEFAULTS;
  }

  /**
   * A builder holding the default rules, to add to.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The reason codes that mean preemption, lower-cased.
   *
   * @return reason codes
   */
  public Set<String> reasonCodes() {
    return reasonCodes;
  }

  /**
   * The pod sub-statuses that mean preemption, lower-cased.
   *
   * @return sub-statuses
   */
  public Set<String> podSubStatuses() {
    return podSubStatuses;
  }

  /**
   * The patterns matched against the reason message and the events.
   *
   * @return patterns
   */
  public List<Pattern> patterns() {
    return patterns;
  }

  @Override
  public Optional<String> preemption(Job job, List<JobEvent> events) {
    if (job.status() != JobStatus.FAILED) {
      return Optional.empty();
    }
    Optional<String> code =
        job.reasonCode().filter(c -> reasonCodes.contains(c.toLowerCase(Locale.ROOT)));
    if (code.isPresent()) {
      return Optional.of("ReasonCode " + code.get());
    }
    for (Pod pod : allPods(job)) {
      Optional<String> sub =
          pod.subStatus().filter(s -> podSubStatuses.contains(s.toLowerCase(Locale.ROOT)));
      if (sub.isPresent()) {
        return Optional.of("pod " + pod.id() + " sub-status " + sub.get());
      }
    }
    Optional<String> message = job.reasonMessage().filter(this::matches);
    if (message.isPresent()) {
      return Optional.of("ReasonMessage \"" + message.get() + "\"");
    }
    return events.stream()
        .map(JobEvent::text)
        .filter(this::matches)
        .findFirst()
        .map(text -> "event \"" + text + "\"");
  }

  private boolean matches(String text) {
    return patterns.stream().anyMatch(p -> p.matcher(text).find());
  }

  private static List<Pod> allPods(Job job) {
    List<Pod> all = new ArrayList<>();
    for (Pod p : job.pods()) {
      all.add(p);
      all.addAll(p.history());
    }
    return all;
  }

  @Override
  public String toString() {
    return "DefaultPreemptionClassifier{codes="
        + reasonCodes
        + ", podSubStatuses="
        + podSubStatuses
        + ", patterns="
        + patterns
        + "}";
  }

  /** Builds a {@link DefaultPreemptionClassifier}, starting from the defaults. Not thread-safe. */
  public static final class Builder {
    private final Set<String> reasonCodes = new LinkedHashSet<>();
    private final Set<String> podSubStatuses = new LinkedHashSet<>();
    private final List<Pattern> patterns = new ArrayList<>();

    private Builder() {
      addReasonCodes(
          "SpotInstanceReclaimed",
          "SpotInstanceRecycled",
          "SpotReclaimed",
          "InstanceReclaimed",
          "Preempted",
          "SpotPreempted",
          "PodEvicted",
          "Evicted");
      addPodSubStatuses("Evicted");
      addPatterns("(?i)reclaim", "(?i)preempt", "(?i)evict");
    }

    /**
     * Adds reason codes that mean preemption (compared case-insensitively).
     *
     * @param codes reason codes
     * @return this builder
     */
    public Builder addReasonCodes(String... codes) {
      for (String c : codes) {
        reasonCodes.add(Objects.requireNonNull(c, "code").toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Adds pod sub-statuses that mean preemption (compared case-insensitively).
     *
     * @param subStatuses sub-statuses
     * @return this builder
     */
    public Builder addPodSubStatuses(String... subStatuses) {
      for (String s : subStatuses) {
        podSubStatuses.add(Objects.requireNonNull(s, "subStatus").toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Adds regular expressions that, found in the reason message or an event, mean preemption.
     *
     * @param regexes regular expressions, e.g. {@code (?i)instance .* released}
     * @return this builder
     * @throws ValidationException naming {@code patterns} if one does not compile
     */
    public Builder addPatterns(String... regexes) {
      for (String r : regexes) {
        try {
          patterns.add(Pattern.compile(Objects.requireNonNull(r, "pattern")));
        } catch (PatternSyntaxException e) {
          throw ValidationException.invalidField(
              "patterns", "\"" + r + "\" is not a regular expression", e.getDescription());
        }
      }
      return this;
    }

    /**
     * Removes every rule, default ones included, to build a classifier from scratch.
     *
     * @return this builder
     */
    public Builder clear() {
      reasonCodes.clear();
      podSubStatuses.clear();
      patterns.clear();
      return this;
    }

    /**
     * Builds the classifier.
     *
     * @return the classifier
     */
    public DefaultPreemptionClassifier build() {
      return new DefaultPreemptionClassifier(this);
    }
  }
}
