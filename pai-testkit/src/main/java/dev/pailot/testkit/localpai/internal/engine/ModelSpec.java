package dev.pailot.testkit.localpai.internal.engine;

import dev.pailot.testkit.localpai.ModelProfile;

/**
 * Resolves the {@link ModelProfile} of a replica: the catalogue entry named in the model path (or
 * the small default), with any of {@code LOCALPAI_MODEL_PARAMS_B}, {@code LOCALPAI_MODEL_LAYERS},
 * {@code LOCALPAI_MODEL_KV_HEADS}, {@code LOCALPAI_MODEL_HEAD_DIM}, {@code
 * LOCALPAI_MODEL_HIDDEN_SIZE} and {@code LOCALPAI_MODEL_MAX_LEN} replacing its fields, so a model
 * outside the catalogue can be described exactly.
 */
final class ModelSpec {
  private ModelSpec() {}

  static ModelProfile resolve(String modelArgument, ServiceSpecReader.SpecEnvironment env) {
    ModelProfile base = ModelProfile.lookup(modelArgument).orElse(ModelProfile.defaultProfile());
    ModelProfile.Builder b = base.toBuilder();
    env.getDouble("LOCALPAI_MODEL_PARAMS_B").ifPresent(b::parametersBillions);
    env.getInt("LOCALPAI_MODEL_LAYERS").ifPresent(b::layers);
    env.getInt("LOCALPAI_MODEL_KV_HEADS").ifPresent(b::kvHeads);
    env.getInt("LOCALPAI_MODEL_HEAD_DIM").ifPresent(b::headDim);
    env.getInt("LOCALPAI_MODEL_HIDDEN_SIZE").ifPresent(b::hiddenSize);
    env.getInt("LOCALPAI_MODEL_MAX_LEN").ifPresent(b::maxModelLen);
    return b.build();
  }
}
