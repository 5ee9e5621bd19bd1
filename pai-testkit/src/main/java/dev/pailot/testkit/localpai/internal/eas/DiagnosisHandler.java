package dev.pailot.testkit.localpai.internal.eas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pailot.core.Product;
import dev.pailot.testkit.localpai.internal.control.ControlRequest;
import dev.pailot.testkit.localpai.internal.control.ProductHandler;
import dev.pailot.testkit.localpai.internal.control.ResolvedOperation;
import dev.pailot.testkit.localpai.internal.control.RoaRoutes;
import java.time.Instant;
import java.util.Optional;

/**
 * EAS {@code DescribeServiceDiagnosis}: {@code {DiagnosisList: [{Error, Causes[], Advices[]}]}}
 * (the shape of the official SDKs' model). A failed rollout and every crashed instance of the
 * current version give one item; a healthy service gives an empty list. Thread-safe; never blocks.
 */
final class DiagnosisHandler implements ProductHandler {
  private final EasContext ctx;
  private final RoaRoutes routes;

  DiagnosisHandler(EasContext ctx) {
    this.ctx = ctx;
    this.routes =
        RoaRoutes.builder()
            .route(
                "GET",
                "/api/v2/services/{ClusterId}/{ServiceName}/diagnosis",
                "DescribeServiceDiagnosis",
                this::diagnosis)
            .build();
  }

  @Override
  public Product product() {
    return Product.EAS;
  }

  @Override
  public Optional<ResolvedOperation> resolve(ControlRequest request) {
    return routes.resolve(request);
  }

  private ObjectNode diagnosis(ControlRequest request) {
    return ctx.store.atomically(
        () -> {
          EasService s = ctx.service(request);
          Instant now = ctx.emulation.now();
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          ArrayNode list = out.putArray("DiagnosisList");
          if (s.phase == EasService.Phase.FAILED) {
            item(
                list,
                s.failure,
                "The containers of version " + s.currentVersion + " exited during start-up.",
                "Read the instance logs (DescribeServiceLog), fix the image or its start command,"
                    + " then update the service or roll back to a working version.");
          }
          for (Replica r : s.currentReplicas()) {
            if (r.crashed() && r.scheduled(now) && s.phase != EasService.Phase.FAILED) {
              item(
                  list,
                  "Instance <" + r.name + "> is not healthy: " + r.failure().orElse("crashed"),
                  "The container exited or failed its health check.",
                  "Inspect the instance log and its last state; restart the instance once fixed.");
            }
          }
          return out;
        });
  }

  private static void item(ArrayNode list, String error, String cause, String advice) {
    ObjectNode n = list.addObject().put("Error", error);
    n.putArray("Causes").add(cause);
    n.putArray("Advices").add(advice);
  }
}
