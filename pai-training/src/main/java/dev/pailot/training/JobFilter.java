package dev.pailot.training;

import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which jobs {@link DlcClient#listJobs(JobFilter)} returns, and in which order (ListJobs query,
 * PAI_API.md §2.5). Unset filters are not sent; DLC then lists jobs created in the last 7 days.
 *
 * <pre>{@code
 * JobFilter running = JobFilter.builder()
 *     .workspaceId("12345")
 *     .status(JobStatus.RUNNING)
 *     .putTags("team", "llm")
 *     .sortBy(JobFilter.SortField.CREATE_TIME)
 *     .order(JobFilter.Order.DESC)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} throws a {@link ValidationException} naming
 * the field and the fix.
 */
@Value.Immutable
@PailotStyle
public abstract class JobFilter {
  /** Sort keys ({@code SortBy}). */
  public enum SortField {
    /** {@code DisplayName}. */
    DISPLAY_NAME("DisplayName"),
    /** {@code JobType}. */
    JOB_TYPE("JobType"),
    /** {@code Status}. */
    STATUS("Status"),
    /** {@code GmtCreateTime}. */
    CREATE_TIME("GmtCreateTime"),
    /** {@code GmtFinishTime}. */
    FINISH_TIME("GmtFinishTime");

    private final String wireValue;

    SortField(String wireValue) {
      this.wireValue = wireValue;
    }

    /**
     * The value DLC expects.
     *
     * @return wire value
     */
    public String wireValue() {
      return wireValue;
    }
  }

  /** Sort order ({@code Order}). */
  public enum Order {
    /** {@code asc}. */
    ASC,
    /** {@code desc}, DLC's default. */
    DESC;

    /**
     * The value DLC expects.
     *
     * @return {@code asc} or {@code desc}
     */
    public String wireValue() {
      return this == ASC ? "asc" : "desc";
    }
  }

  /**
   * Jobs whose display name contains this text, case-insensitively ({@code DisplayName}).
   *
   * @return name filter
   */
  public abstract Optional<String> displayName();

  /**
   * Jobs in this state ({@code Status}).
   *
   * @return status filter
   */
  public abstract Optional<JobStatus> status();

  /**
   * Jobs of this type ({@code JobType}).
   *
   * @return job type filter
   */
  public abstract Optional<JobType> jobType();

  /**
   * Jobs in this workspace ({@code WorkspaceId}).
   *
   * @return workspace filter
   */
  public abstract Optional<String> workspaceId();

  /**
   * Jobs on this resource group or quota ({@code ResourceId}).
   *
   * @return resource filter
   */
  public abstract Optional<String> resourceId();

  /**
   * Jobs carrying all these tags ({@code Tags}, sent as one JSON object).
   *
   * @return tags
   */
  public abstract Map<String, String> tags();

  /**
   * Only these jobs ({@code JobIds}, sent comma-separated).
   *
   * @return job ids
   */
  public abstract List<String> jobIds();

  /**
   * Jobs created at or after this time ({@code StartTime}).
   *
   * @return lower bound
   */
  public abstract Optional<Instant> createdAfter();

  /**
   * Jobs created at or before this time ({@code EndTime}).
   *
   * @return upper bound
   */
  public abstract Optional<Instant> createdBefore();

  /**
   * Only the caller's own jobs ({@code ShowOwn}).
   *
   * @return whether to show only own jobs
   */
  public abstract Optional<Boolean> showOwn();

  /**
   * Sort key ({@code SortBy}).
   *
   * @return sort key
   */
  public abstract Optional<SortField> sortBy();

  /**
   * Sort order ({@code Order}).
   *
   * @return order
   */
  public abstract Optional<Order> order();

  /**
   * Jobs per call ({@code PageSize}), 1 to 100. Default 20. Pages are fetched lazily.
   *
   * @return page size
   */
  @Value.Default
  public int pageSize() {
    return 20;
  }

  /**
   * No filter: DLC's defaults (jobs created in the last 7 days, newest first).
   *
   * @return the filter
   */
  public static JobFilter all() {
    return builder().build();
  }

  /**
   * A new builder.
   *
   * @return builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised from this value.
   *
   * @return builder
   */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  @Value.Check
  void check() {
    if (status().filter(s -> s == JobStatus.UNKNOWN).isPresent()) {
      throw ValidationException.invalidField(
          "status", "UNKNOWN is not a state DLC can filter by", "use a known JobStatus");
    }
    if (createdAfter().isPresent()
        && createdBefore().isPresent()
        && createdAfter().get().isAfter(createdBefore().get())) {
      throw ValidationException.invalidField(
          "createdAfter", "is after createdBefore", "swap the two times");
    }
    if (pageSize() < 1 || pageSize() > 100) {
      throw ValidationException.invalidField(
          "pageSize", pageSize() + " is outside 1 to 100", "use e.g. 20");
    }
  }

  /** Builder for {@link JobFilter}. Not thread-safe. */
  public static final class Builder extends ImmutableJobFilter.Builder {
    Builder() {}
  }
}
