package dev.moa.money.dues;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The clock that decides which day it is for dues: Moa's groups live in Korea, so a month turns in Asia/Seoul. */
public class SeoulClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ZONE);
    }
}
