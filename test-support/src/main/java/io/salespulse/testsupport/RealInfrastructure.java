package io.salespulse.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * On a {@code @SpringBootTest}: run the context against the shared real Kafka broker and Mongo-wire server
 * (see {@link TestInfrastructure}), with a database and consumer groups of its own, under the {@code local} profile
 * (as the local run: its default secrets allowed, notifications to loopback allowed).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@ActiveProfiles("local")
public @interface RealInfrastructure {}
