package dev.pailot.training.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code CredentialConfig} (the modelled part). Never logged: requests are printed without bodies.
 *
 * @param enableCredentialInject whether to inject RAM-role credentials
 * @param aliyunEnvRoleKey role key
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialConfigItem(
    @JsonProperty("EnableCredentialInject") Boolean enableCredentialInject,
    @JsonProperty("AliyunEnvRoleKey") String aliyunEnvRoleKey) {}
