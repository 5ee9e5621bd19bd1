package dev.pailot.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.pailot.core.Pai;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link PaiMockServer}: starts one WireMock server per test class,
 * resets it before each test, stops it after the class, and resolves {@link Pai}, {@link PaiStubs},
 * {@link PaiMockEndpoint}, {@link WireMockServer} and {@link WireMockRuntimeInfo} parameters of
 * test constructors and methods.
 *
 * <p>Normally applied through {@link PaiMockServer}; a class without that annotation (e.g. one
 * registering the extension with {@code @ExtendWith}) gets the annotation's defaults. Instances are
 * stateless; all state lives in the JUnit extension store of the test class.
 */
public final class PaiMockServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PaiMockServerExtension.class);
  private static final String KEY = "resources";
  private static final Set<Class<?>> SUPPORTED =
      Set.of(
          Pai.class,
          PaiStubs.class,
          PaiMockEndpoint.class,
          WireMockServer.class,
          WireMockRuntimeInfo.class);

  /** Creates the extension; JUnit does this. */
  public PaiMockServerExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    PaiMockServer options = options(context.getRequiredTestClass());
    context.getStore(NAMESPACE).put(KEY, MockServerResources.start(options));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    MockServerResources resources =
        context.getStore(NAMESPACE).remove(KEY, MockServerResources.class);
    if (resources != null) {
      resources.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    resources(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return SUPPORTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MockServerResources r = resources(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == Pai.class) {
      return r.pai();
    }
    if (type == PaiStubs.class) {
      return r.stubs();
    }
    if (type == PaiMockEndpoint.class) {
      return r.endpoint();
    }
    if (type == WireMockServer.class) {
      return r.server();
    }
    if (type == WireMockRuntimeInfo.class) {
      return new WireMockRuntimeInfo(r.server());
    }
    throw new ParameterResolutionException("Unsupported parameter type " + type.getName());
  }

  private static MockServerResources resources(ExtensionContext context) {
    MockServerResources r = context.getStore(NAMESPACE).get(KEY, MockServerResources.class);
    if (r == null) {
      throw new ParameterResolutionException(
          "The PAI mock server is not running for "
              + context.getDisplayName()
              + ". Put @PaiMockServer on the test class.");
    }
    return r;
  }

  private static PaiMockServer options(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      PaiMockServer found = c.getAnnotation(PaiMockServer.class);
      if (found != null) {
        return found;
      }
    }
    return Defaults.class.getAnnotation(PaiMockServer.class);
  }

  @PaiMockServer
  private static final class Defaults {}
}
