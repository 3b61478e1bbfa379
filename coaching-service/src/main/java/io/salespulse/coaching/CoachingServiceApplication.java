package io.salespulse.coaching;

import io.salespulse.kit.roster.EnableRosterProjection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@EnableRosterProjection
public class CoachingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoachingServiceApplication.class, args);
    }
}
