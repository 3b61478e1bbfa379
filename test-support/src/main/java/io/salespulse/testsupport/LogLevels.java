package io.salespulse.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log levels for the log-hygiene tests: SalesPulse's own code at TRACE (every level it could ever log at) and the
 * libraries at INFO (what production runs), while the test runs; the tests' usual levels (logback-test.xml) after.
 */
public final class LogLevels implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ours = (Logger) LoggerFactory.getLogger("io.salespulse");
    private final Level rootBefore = root.getLevel();
    private final Level oursBefore = ours.getLevel();

    private LogLevels() {
        root.setLevel(Level.INFO);
        ours.setLevel(Level.TRACE);
    }

    /** Raises the levels until {@link #close()}. */
    public static LogLevels everythingSalesPulseLogs() {
        return new LogLevels();
    }

    @Override
    public void close() {
        root.setLevel(rootBefore);
        ours.setLevel(oursBefore);
    }
}
