package io.salespulse.kit.web;

import io.github.bucket4j.TimeMeter;
import java.util.function.LongSupplier;

/** Bucket4j buckets read their time from a supplier of nanoseconds: a service's clock, or a test's. */
public final class Buckets {

    private Buckets() {}

    /** A bucket time meter reading {@code nanos}. */
    public static TimeMeter time(LongSupplier nanos) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }
}
