package dev.qmodem.cli;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Something started on a thread of its own while the command starts the rest: a server's start is mostly class
 * loading on one core, building modules uses every core, so side by side they are ready sooner than in turn.
 * Closing it without having taken the result (something else failed to start) stops the result once it is there.
 */
final class StartingAside<T extends AutoCloseable> implements AutoCloseable {

    private final FutureTask<T> task;
    private boolean taken;

    private StartingAside(FutureTask<T> task) {
        this.task = task;
    }

    static <T extends AutoCloseable> StartingAside<T> start(String threadName, Callable<T> start) {
        // Logging is set up here first: both threads setting it up at once made SLF4J print a warning that it
        // replays the calls it intercepted meanwhile, the first lines a user of `serve` saw.
        LoggerFactory.getILoggerFactory();
        FutureTask<T> task = new FutureTask<>(start);
        Thread.ofPlatform().name(threadName).daemon().start(task);
        return new StartingAside<>(task);
    }

    /** Waits for the result (null when there was nothing to start); a failure to start is thrown as it was. */
    T get() throws IOException, InterruptedException {
        taken = true;
        try {
            return task.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (taken) {
            return;
        }
        T started;
        try {
            started = get();
        } catch (IOException | RuntimeException e) {
            return; // it did not start either
        }
        if (started != null) {
            try {
                started.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop what started aside", e);
            }
        }
    }
}
