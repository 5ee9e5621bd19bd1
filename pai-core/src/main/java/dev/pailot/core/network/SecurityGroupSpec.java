package dev.pailot.core.network;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pailot.core.error.ValidationException;
import dev.pailot.core.internal.PailotStyle;
import dev.pailot.core.network.internal.RuleIdentity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The security group of a {@link NetworkSpec}: a name, a description and its inbound rules. It is
 * identified in the cloud by its name inside the network's VPC and the {@code managed-by=pailot}
 * tag. Outbound traffic keeps ECS's default (allowed).
 *
 * <pre>{@code
 * SecurityGroupSpec sg = SecurityGroupSpec.builder()
 *     .name("pailot-prod-sg")
 *     .addIngressRules(IngressRule.tcp(8080, "10.0.0.0/8"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; plain data (JSON round trip with Jackson). {@code build()} throws
 * {@link ValidationException} naming the field for a bad name, description or duplicate rule.
 */
@Value.Immutable
@PailotStyle
@JsonSerialize(as = ImmutableSecurityGroupSpec.class)
@JsonDeserialize(as = ImmutableSecurityGroupSpec.class)
public abstract class SecurityGroupSpec {
  /**
   * Name, 2 to 128 characters, starting with a letter.
   *
   * @return name
   */
  public abstract String name();

  /**
   * Description, 2 to 256 characters. Default {@code Managed by Pailot}.
   *
   * @return description
   */
  @Value.Default
  public String description() {
    return "Managed by Pailot";
  }

  /**
   * Inbound rules, in the order they are authorized. Default none.
   *
   * @return rules
   */
  public abstract List<IngressRule> ingressRules();

  /**
   * A new builder; {@code name} is required.
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
    SpecRules.checkName("securityGroup.name", name(), 2);
    if (!Character.isLetter(name().codePointAt(0))) {
      throw ValidationException.invalidField(
          "securityGroup.name",
          "\"" + name() + "\" does not start with a letter",
          "start it with a letter, e.g. pailot-sg");
    }
    if (description().length() < 2 || description().length() > 256) {
      throw ValidationException.invalidField(
          "securityGroup.description",
          "has " + description().length() + " characters",
          "use 2 to 256 characters");
    }
    Set<RuleIdentity> seen = new HashSet<>();
    for (int i = 0; i < ingressRules().size(); i++) {
      IngressRule rule = ingressRules().get(i);
      if (!seen.add(RuleIdentity.of(rule))) {
        throw ValidationException.invalidField(
            "securityGroup.ingressRules[" + i + "]",
            "duplicates an earlier rule: " + rule,
            "remove one of the two (descriptions are not part of a rule's identity)");
      }
    }
  }

  /** Builder for {@link SecurityGroupSpec}. Not thread-safe. */
  public static final class Builder extends ImmutableSecurityGroupSpec.Builder {
    Builder() {}

    /**
     * Validates and builds.
     *
     * @return the SecurityGroupSpec
     * @throws ValidationException naming the first missing or invalid field
     */
    @Override
    public SecurityGroupSpec build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw SpecRules.missing("securityGroup.", e);
      }
    }
  }
}
