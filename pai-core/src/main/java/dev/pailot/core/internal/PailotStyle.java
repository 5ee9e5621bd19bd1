package dev.pailot.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Immutables style shared by every Pailot value type: the generated {@code ImmutableX} class is
 * package-private, builders are reached through {@code X.builder()}, and {@code build()} returns
 * the abstract type, so generated names never appear in public signatures.
 *
 * <p>SDK-internal; not part of the public API.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true,
    get = {"is*", "get*"},
    redactedMask = "****",
    // Keep @org.immutables.value.Generated off generated classes: it is not on users' class path,
    // and javac warns about the missing annotation type in every downstream module.
    allowedClasspathAnnotations = {Override.class})
public @interface PailotStyle {}
