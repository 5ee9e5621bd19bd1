package dev.pailot.observability.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.pailot.core.error.PaiException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a minimal {@code prometheus.yml} for {@link LocalPrometheus}. */
final class PrometheusConfigFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private PrometheusConfigFile() {}

  static String render(Duration interval, List<URI> targets, List<String> ruleFiles) {
    String every =
        interval.toMillis() % 1000 == 0 ? interval.toSeconds() + "s" : interval.toMillis() + "ms";
    Map<String, Object> global = new LinkedHashMap<>();
    global.put("scrape_interval", every);
    global.put("evaluation_interval", every);
    List<Map<String, Object>> jobs = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      URI t = targets.get(i);
      Map<String, Object> job = new LinkedHashMap<>();
      job.put("job_name", "pailot-" + i);
      job.put("scheme", t.getScheme());
      job.put(
          "metrics_path", t.getPath() == null || t.getPath().isEmpty() ? "/metrics" : t.getPath());
      job.put(
          "static_configs", List.of(Map.of("targets", List.of(t.getHost() + ":" + t.getPort()))));
      jobs.add(job);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("global", global);
    config.put("rule_files", ruleFiles);
    config.put("scrape_configs", jobs);
    try {
      return YAML.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new PaiException("Could not write prometheus.yml: " + e.getOriginalMessage(), null, e);
    }
  }
}
