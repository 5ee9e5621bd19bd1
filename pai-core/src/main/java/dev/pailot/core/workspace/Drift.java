package dev.pailot.core.workspace;

import java.io.Serializable;

/**
 * One difference between a spec and what exists in PAI, e.g. a dataset whose {@code uri} differs.
 * Pailot reports drift; it never changes an existing resource to match the spec.
 *
 * @param resource the resource, e.g. {@code dataset/train-data} or {@code workspace/llm_prod}
 * @param field the spec field that differs, e.g. {@code uri}
 * @param expected the spec's value
 * @param actual the value in PAI
 */
public record Drift(String resource, String field, String expected, String actual)
    implements Serializable {

  /**
   * A one-line description, e.g. {@code dataset/train uri: spec oss://a/, PAI has oss://b/}.
   *
   * @return description
   */
  public String describe() {
    return resource + " " + field + ": spec " + expected + ", PAI has " + actual;
  }
}
