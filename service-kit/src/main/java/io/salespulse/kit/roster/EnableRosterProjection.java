package io.salespulse.kit.roster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/** Gives a service its own roster copy ({@link RosterStore}), fed by the org topic. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(RosterConfiguration.class)
public @interface EnableRosterProjection {}
