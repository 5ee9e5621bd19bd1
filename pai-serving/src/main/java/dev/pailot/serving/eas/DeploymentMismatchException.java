package dev.pailot.serving.eas;

import dev.pailot.core.error.PaiException;
import java.util.List;

/**
 * After a deploy reached {@code Running}, EAS serves something other than what was deployed: an
 * older version (a silent platform rollback), another image or other weights. The service is left
 * as it is; inspect it, then deploy again or roll back explicitly.
 */
public class DeploymentMismatchException extends PaiException {
  private static final long serialVersionUID = 1L;

  private final transient EasService service;
  private final List<String> differences;

  /**
   * Creates the exception.
   *
   * @param service the service as last seen
   * @param differences each difference as "what: expected X, live Y"
   */
  public DeploymentMismatchException(EasService service, List<String> differences) {
    super(
        "EAS service \""
            + service.name()
            + "\" is Running but does not serve what was deployed: "
            + String.join("; ", differences)
            + ". Check its versions and events (a silent rollback?), then deploy again or roll"
            + " back explicitly.");
    this.service = service;
    this.differences = List.copyOf(differences);
  }

  /**
   * The service as last seen.
   *
   * @return service
   */
  public EasService service() {
    return service;
  }

  /**
   * What differs, e.g. {@code version: expected 3, live 2}.
   *
   * @return differences
   */
  public List<String> differences() {
    return differences;
  }
}
