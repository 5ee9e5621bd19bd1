package dev.pailot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pailot.core.Pai;
import dev.pailot.testkit.verify.RecordedCall;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The independent V3 check follows PAI_API.md §6.2 and detects tampering. */
@PaiMockServer
class V3SignatureCheckTest {

  @Test
  void canonicalRequestHasTheDocumentedLayout() {
    // PAI_API.md §9.6: GET /api/v1/jobs/dlc123?NeedDetail=true
    String empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    Map<String, String> headers = new TreeMap<>();
    headers.put("host", "pai-dlc.cn-hangzhou.aliyuncs.com");
    headers.put("x-acs-action", "GetJob");
    headers.put("x-acs-content-sha256", empty);
    headers.put("x-acs-date", "2026-01-01T00:00:00Z");
    headers.put("x-acs-signature-nonce", "n1");
    headers.put("x-acs-version", "2020-12-03");
    V3SignatureCheck.Input in =
        new V3SignatureCheck.Input(
            "GET",
            "/api/v1/jobs/dlc123",
            Map.of("NeedDetail", "true"),
            List.copyOf(headers.keySet()),
            headers,
            new byte[0]);

    assertThat(V3SignatureCheck.canonicalRequest(in))
        .isEqualTo(
            "GET\n/api/v1/jobs/dlc123\nNeedDetail=true\n"
                + "host:pai-dlc.cn-hangzhou.aliyuncs.com\nx-acs-action:GetJob\n"
                + "x-acs-content-sha256:"
                + empty
                + "\nx-acs-date:2026-01-01T00:00:00Z\nx-acs-signature-nonce:n1\n"
                + "x-acs-version:2020-12-03\n\n"
                + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
                + "x-acs-version\n"
                + empty);
  }

  @Test
  void queryIsSortedAndPercentEncoded() {
    assertThat(V3SignatureCheck.canonicalQuery(Map.of("b", "x y*~", "a", "1/2", "Tag.1.Key", "")))
        .isEqualTo("Tag.1.Key=&a=1%2F2&b=x%20y%2A~");
  }

  @Test
  void aTamperedQueryNoLongerVerifies(Pai pai, PaiStubs stubs) {
    stubs.vpc().describeVpcs();
    Ops.call(pai, Ops.rpc(Ops.DESCRIBE_VPCS, "cn-shanghai").query("PageSize", 10).build());
    RecordedCall call = stubs.calls().single("DescribeVpcs");
    V3SignatureCheck.Input in = V3SignatureCheck.Input.of(call);
    Map<String, String> tampered = new TreeMap<>(in.query());
    tampered.put("PageSize", "50");
    String sent = call.signature().orElseThrow();

    assertThat(V3SignatureCheck.sign(in, TestCredentials.ACCESS_KEY_SECRET)).isEqualTo(sent);
    assertThat(V3SignatureCheck.sign(in.withQuery(tampered), TestCredentials.ACCESS_KEY_SECRET))
        .isNotEqualTo(sent);
  }
}
