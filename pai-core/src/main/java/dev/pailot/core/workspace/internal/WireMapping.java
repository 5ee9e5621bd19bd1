package dev.pailot.core.workspace.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pailot.core.workspace.Dataset;
import dev.pailot.core.workspace.DatasetSpec;
import dev.pailot.core.workspace.EnvType;
import dev.pailot.core.workspace.Workspace;
import dev.pailot.core.workspace.WorkspaceSpec;
import dev.pailot.core.workspace.WorkspaceStatus;
import dev.pailot.core.workspace.internal.wire.CreateDatasetRequest;
import dev.pailot.core.workspace.internal.wire.CreateWorkspaceRequest;
import dev.pailot.core.workspace.internal.wire.DatasetItem;
import dev.pailot.core.workspace.internal.wire.LabelItem;
import dev.pailot.core.workspace.internal.wire.WorkspaceItem;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Converts between AIWorkspace's wire DTOs and Pailot's specs and domain values. Stateless. */
final class WireMapping {
  private final ObjectMapper json;

  WireMapping(ObjectMapper json) {
    this.json = json;
  }

  Workspace workspace(WorkspaceItem w) {
    Workspace.Builder b =
        Workspace.builder()
            .id(w.workspaceId())
            .name(orEmpty(w.workspaceName()))
            .displayName(orEmpty(w.displayName()))
            .description(orEmpty(w.description()))
            .status(WorkspaceStatus.fromWire(w.status()))
            .createdAt(instant(w.gmtCreateTime()))
            .modifiedAt(instant(w.gmtModifiedTime()))
            .creator(Optional.ofNullable(w.creator()))
            .defaultWorkspace(Boolean.TRUE.equals(w.isDefault()));
    if (w.envTypes() != null) {
      // Environments this SDK does not know are skipped rather than failing the whole read.
      w.envTypes().stream()
          .filter(t -> "dev".equalsIgnoreCase(t) || "prod".equalsIgnoreCase(t))
          .map(EnvType::parse)
          .forEach(b::addEnvTypes);
    }
    return b.build();
  }

  Dataset dataset(DatasetItem d) {
    Dataset.Builder b =
        Dataset.builder()
            .id(d.datasetId())
            .name(orEmpty(d.name()))
            .workspaceId(orEmpty(d.workspaceId()))
            .dataSourceType(orEmpty(d.dataSourceType()))
            .uri(orEmpty(d.uri()))
            .property(orEmpty(d.property()))
            .dataType(orEmpty(d.dataType()))
            .mountPath(mountPath(d.options()))
            .description(orEmpty(d.description()))
            .createdAt(instant(d.gmtCreateTime()));
    if (d.labels() != null) {
      d.labels().stream()
          .filter(l -> l.key() != null)
          .forEach(l -> b.putLabels(l.key(), orEmpty(l.value())));
    }
    return b.build();
  }

  /** The dataset as just created from a spec; PAI returned only its id. */
  Dataset created(String id, String workspaceId, DatasetSpec spec) {
    return Dataset.builder()
        .id(id)
        .name(spec.name())
        .workspaceId(workspaceId)
        .dataSourceType(spec.dataSourceType().name())
        .uri(spec.uri())
        .property(spec.property().name())
        .dataType(spec.dataType().wireValue())
        .mountPath(spec.mountPath())
        .description(spec.description())
        .putAllLabels(spec.labels())
        .build();
  }

  CreateWorkspaceRequest createWorkspace(WorkspaceSpec spec) {
    List<String> envTypes = spec.envTypes().stream().map(EnvType::wireValue).toList();
    return new CreateWorkspaceRequest(
        spec.name(), spec.displayName(), spec.description(), envTypes);
  }

  CreateDatasetRequest createDataset(String workspaceId, DatasetSpec spec) {
    String options =
        spec.mountPath()
            .map(p -> json.createObjectNode().put("mountPath", p).toString())
            .orElse(null);
    List<LabelItem> labels =
        spec.labels().isEmpty()
            ? null
            : spec.labels().entrySet().stream()
                .map(e -> new LabelItem(e.getKey(), e.getValue()))
                .toList();
    return new CreateDatasetRequest(
        spec.name(),
        workspaceId,
        spec.dataSourceType().name(),
        spec.uri(),
        spec.property().name(),
        spec.dataType().wireValue(),
        options,
        spec.description(),
        labels);
  }

  private Optional<String> mountPath(String options) {
    if (options == null || options.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = json.readTree(options).path("mountPath");
      return node.isTextual() && !node.asText().isBlank()
          ? Optional.of(node.asText())
          : Optional.empty();
    } catch (IOException e) {
      // Options is free-form JSON text; a dataset with unreadable options simply has no mount path.
      return Optional.empty();
    }
  }

  private static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
