package io.contactcenter.messaging;

import io.contactcenter.devstack.DevStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Real PostgreSQL database {@code cc_messaging_test} and the real local Kafka broker. */
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "service", value = "messaging"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessagingStack {
}
