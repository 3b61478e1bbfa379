package io.salespulse.coaching;

import io.salespulse.kit.calendar.EnableWorkingCalendar;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableWorkingCalendar
@EnableScheduling
@ConfigurationPropertiesScan
public class CoachingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoachingServiceApplication.class, args);
    }
}
