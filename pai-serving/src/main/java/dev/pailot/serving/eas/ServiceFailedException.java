package dev.pailot.serving.eas;

import dev.pailot.core.error.WaiterUnrecoverableStateException;
import java.util.List;

/**
 * An EAS service reached {@code Failed} (or another state it cannot leave) while Pailot waited for
 * it. Carries the service as last seen, its recent events and EAS's diagnosis, so the cause is in
 * the exception rather than in the console.
 */
public class ServiceFailedException extends WaiterUnrecoverableStateException {
  private static final long serialVersionUID = 1L;

  private final transient EasService service;
  private final transient List<ServiceEvent> events;
  private final transient List<ServiceDiagnosis> diagnosis;

  /**
   * Creates the exception.
   *
   * @param service the service as last seen
   * @param events its recent events (warnings first in the message)
   * @param diagnosis EAS's diagnosis, empty if unavailable
   */
  public ServiceFailedException(
      EasService service, List<ServiceEvent> events, List<ServiceDiagnosis> diagnosis) {
    super(message(service, events, diagnosis), null, null);
    this.service = service;
    this.events = List.copyOf(events);
    this.diagnosis = List.copyOf(diagnosis);
  }

  private static String message(
      EasService s, List<ServiceEvent> events, List<ServiceDiagnosis> diagnosis) {
    StringBuilder b =
        new StringBuilder("EAS service \"")
            .append(s.name())
            .append("\" is ")
            .append(s.status().wireValue());
    s.message().ifPresent(m -> b.append(": ").append(m));
    events.stream()
        .filter(ServiceEvent::warning)
        .reduce((a, c) -> c)
        .ifPresent(
            e -> b.append(". Last warning: ").append(e.reason()).append(" ").append(e.message()));
    diagnosis.stream()
        .findFirst()
        .ifPresent(
            d -> {
              b.append(". Diagnosis: ").append(d.error());
              if (!d.advices().isEmpty()) {
                b.append(" Advice: ").append(String.join("; ", d.advices()));
              }
            });
    return b.append(". Inspect events() and diagnosis(); fix the spec and deploy again.")
        .toString();
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
   * The service's recent events, oldest first.
   *
   * @return events
   */
  public List<ServiceEvent> events() {
    return events;
  }

  /**
   * EAS's diagnosis ({@code DescribeServiceDiagnosis}); empty if it had none or could not be read.
   *
   * @return diagnosis
   */
  public List<ServiceDiagnosis> diagnosis() {
    return diagnosis;
  }
}
