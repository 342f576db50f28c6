package io.contactcenter.ivr;

import io.contactcenter.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Real PostgreSQL database {@code cc_ivr_test}, the real local Kafka broker, and stub HTTP peers ({@link StubServices}). */
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "service", value = "ivr"))
@QuarkusTestResource(StubServices.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IvrStack {
}
