package dev.pailot.core.network.internal;

import dev.pailot.core.internal.transport.ApiRequest;
import dev.pailot.core.network.IngressRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flattens lists into RPC query parameters the way the official VPC/ECS clients do: {@code
 * Tag.1.Key=..&Tag.1.Value=..}, {@code Permissions.1.IpProtocol=..} (PAI_API.md §5).
 */
public final class RpcLists {
  private RpcLists() {}

  /**
   * Adds {@code Tag.N.Key}/{@code Tag.N.Value}, sorted by key so requests are reproducible.
   *
   * @param request request being built
   * @param tags tags
   * @return the request builder
   */
  public static ApiRequest.Builder tags(ApiRequest.Builder request, Map<String, String> tags) {
    int n = 1;
    for (Map.Entry<String, String> e : new TreeMap<>(tags).entrySet()) {
      request.query("Tag." + n + ".Key", e.getKey());
      request.query("Tag." + n + ".Value", e.getValue());
      n++;
    }
    return request;
  }

  /**
   * Adds {@code Permissions.N.*} for inbound rules.
   *
   * @param request request being built
   * @param rules rules, 1 to 100
   * @return the request builder
   */
  public static ApiRequest.Builder permissions(
      ApiRequest.Builder request, List<IngressRule> rules) {
    for (int i = 0; i < rules.size(); i++) {
      IngressRule r = rules.get(i);
      String p = "Permissions." + (i + 1) + ".";
      request.query(p + "IpProtocol", r.protocol().name());
      request.query(p + "PortRange", r.portRange());
      request.query(
          p + (r.source().isIpv6() ? "Ipv6SourceCidrIp" : "SourceCidrIp"), r.sourceCidr());
      request.query(p + "Policy", r.policy().wireValue());
      request.query(p + "Priority", r.priority());
      request.query(p + "NicType", r.nicType());
      if (!r.description().isEmpty()) {
        request.query(p + "Description", r.description());
      }
    }
    return request;
  }
}
