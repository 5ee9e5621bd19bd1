package dev.pailot.serving.release.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory group of EAS services that records every call, for controller unit tests. */
final class FakeEas implements ReleaseOps {
  final Map<String, ServiceSnapshot> services = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  private final String group;
  private final String green;
  String endpointBase = "http://127.0.0.1:9/api/predict/";
  String token = "token";

  FakeEas(String group, String blue, String green) {
    this.group = group;
    this.green = green;
    put(new ServiceSnapshot(blue, "Running", Optional.of(group), false, 0, 1, Map.of()));
  }

  void put(ServiceSnapshot s) {
    services.put(s.name(), s);
  }

  @Override
  public synchronized Optional<ServiceSnapshot> find(String name) {
    return Optional.ofNullable(services.get(name));
  }

  @Override
  public synchronized void release(String name, boolean standalone, int weight) {
    calls.add("release " + name + " " + (standalone ? "standalone" : "grouping") + " " + weight);
    ServiceSnapshot s = services.get(name);
    put(
        new ServiceSnapshot(
            name, s.status(), s.group(), standalone, weight, s.version(), s.labels()));
  }

  @Override
  public synchronized void createGreen(Map<String, String> labels) {
    calls.add("create " + green);
    put(new ServiceSnapshot(green, "Creating", Optional.of(group), false, 0, 1, labels));
  }

  @Override
  public synchronized void awaitGreen(Duration timeout) {
    calls.add("await " + green);
    ServiceSnapshot s = services.get(green);
    put(
        new ServiceSnapshot(
            green, "Running", s.group(), s.standalone(), s.weight(), s.version(), s.labels()));
  }

  @Override
  public synchronized void stop(String name) {
    calls.add("stop " + name);
    ServiceSnapshot s = services.get(name);
    put(
        new ServiceSnapshot(
            name, "Stopped", s.group(), s.standalone(), s.weight(), s.version(), s.labels()));
  }

  @Override
  public synchronized void delete(String name) {
    calls.add("delete " + name);
    services.remove(name);
  }

  @Override
  public synchronized void mirror(String blue, int percent, String green) {
    calls.add("mirror " + blue + " " + percent + "% to " + green);
  }

  @Override
  public synchronized void stopMirror(String blue) {
    calls.add("stop mirror " + blue);
  }

  @Override
  public Endpoint endpoint(String name) {
    return new Endpoint(endpointBase + name, token);
  }
}
