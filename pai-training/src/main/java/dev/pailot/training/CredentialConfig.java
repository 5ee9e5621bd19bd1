package dev.pailot.training;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.internal.PailotStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Injects temporary credentials of a RAM role into the job's containers ({@code CredentialConfig}),
 * so training code reaches OSS and other services without an AccessKey in the image or the
 * environment. {@link JobSpec} redacts it in {@code toString}.
 *
 * <p>Only the switch and the role key are modelled; per-role {@code CredentialConfigItems} are not
 * supported yet.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableCredentialConfig.class)
@JsonDeserialize(as = ImmutableCredentialConfig.class)
public abstract class CredentialConfig {
  /**
   * Whether DLC injects the credentials ({@code EnableCredentialInject}). Default {@code true}.
   *
   * @return whether credentials are injected
   */
  @Value.Default
  public boolean enableCredentialInject() {
    return true;
  }

  /**
   * The role key of the injected default credentials ({@code AliyunEnvRoleKey}).
   *
   * @return role key
   */
  public abstract Optional<String> aliyunEnvRoleKey();

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

  /** Builder for {@link CredentialConfig}. Not thread-safe. */
  public static final class Builder extends ImmutableCredentialConfig.Builder {
    Builder() {}
  }
}
