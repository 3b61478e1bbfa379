package io.salespulse.kit.calendar;

import io.salespulse.kit.roster.EnableRosterProjection;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Gives a service the {@link WorkingCalendar} of its teams and reps, read from its own roster copy (so it implies
 * {@link EnableRosterProjection}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EnableRosterProjection
@Import(CalendarConfiguration.class)
public @interface EnableWorkingCalendar {}
