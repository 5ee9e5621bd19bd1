package dev.pailot.observability.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.pailot.core.error.PaiException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.observability.alerts.internal.PromDurations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A set of rule groups, rendered as a Prometheus rule file ({@link #toYaml()}) or as a Kubernetes
 * {@code PrometheusRule} resource for the Prometheus Operator ({@link #toPrometheusRule(String,
 * String, Map)}). Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
public abstract class RuleFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .disable(YAMLGenerator.Feature.SPLIT_LINES));

  /**
   * The groups.
   *
   * @return groups
   */
  public abstract List<RuleGroup> groups();

  /**
   * Every rule of every group.
   *
   * @return rules
   */
  public List<AlertRule> rules() {
    return groups().stream().flatMap(g -> g.rules().stream()).toList();
  }

  /**
   * A rule by alert name.
   *
   * @param name the alert's name
   * @return the rule
   * @throws IllegalArgumentException when there is none
   */
  public AlertRule rule(String name) {
    return rules().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no alert named " + name));
  }

  /**
   * The groups as plain maps and lists, in Prometheus's rule-file shape.
   *
   * @return {@code {groups: [...]}}
   */
  public Map<String, Object> toMap() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("groups", groups().stream().map(RuleFile::group).toList());
    return root;
  }

  /**
   * The Prometheus rule file ({@code rule_files:} in {@code prometheus.yml}).
   *
   * @return YAML
   */
  public String toYaml() {
    return write(toMap());
  }

  /**
   * A {@code monitoring.coreos.com/v1} {@code PrometheusRule} holding the groups.
   *
   * @param name the resource's name
   * @param namespace its namespace
   * @param labels its labels (the Operator's {@code ruleSelector} usually matches one, e.g. {@code
   *     release: prometheus})
   * @return YAML
   */
  public String toPrometheusRule(String name, String namespace, Map<String, String> labels) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    if (!labels.isEmpty()) {
      metadata.put("labels", labels);
    }
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", "monitoring.coreos.com/v1");
    resource.put("kind", "PrometheusRule");
    resource.put("metadata", metadata);
    resource.put("spec", toMap());
    return write(resource);
  }

  private static Map<String, Object> group(RuleGroup g) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", g.name());
    g.interval().ifPresent(i -> out.put("interval", PromDurations.format(i)));
    out.put("rules", g.rules().stream().map(RuleFile::rule).toList());
    return out;
  }

  private static Map<String, Object> rule(AlertRule r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alert", r.name());
    out.put("expr", r.expr());
    if (!r.pendingFor().isZero()) {
      out.put("for", PromDurations.format(r.pendingFor()));
    }
    if (!r.labels().isEmpty()) {
      out.put("labels", r.labels());
    }
    if (!r.annotations().isEmpty()) {
      out.put("annotations", r.annotations());
    }
    return out;
  }

  private static String write(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new PaiException("Could not write rules as YAML: " + e.getOriginalMessage(), null, e);
    }
  }

  /**
   * A rule file of these groups.
   *
   * @param groups the groups
   * @return the file
   */
  public static RuleFile of(List<RuleGroup> groups) {
    return ImmutableRuleFile.builder().groups(groups).build();
  }
}
