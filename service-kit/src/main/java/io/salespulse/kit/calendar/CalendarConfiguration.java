package io.salespulse.kit.calendar;

import io.salespulse.kit.roster.RosterStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    PublicHolidays publicHolidays() {
        return new PublicHolidays();
    }

    @Bean
    WorkingCalendar workingCalendar(RosterStore rosterStore, PublicHolidays publicHolidays) {
        return new WorkingCalendar(rosterStore, publicHolidays);
    }
}
