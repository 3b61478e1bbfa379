package io.salespulse.cockpit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The managers' cockpit: a backend-for-frontend. Every figure comes from the four services' APIs, called with the
 * signed-in user's token; the cockpit keeps no copy of their data.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CockpitApplication {

    public static void main(String[] args) {
        SpringApplication.run(CockpitApplication.class, args);
    }
}
