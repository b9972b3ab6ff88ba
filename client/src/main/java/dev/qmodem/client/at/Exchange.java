package dev.qmodem.client.at;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of the one command in progress, shared between the reader thread, which fills it, and the caller,
 * which waits on it. Every field is guarded by this object's monitor.
 */
final class Exchange {

    private final AtCommand command;
    private final String ownPrefix;
    private final long timeoutNanos;
    private final List<String> info = new ArrayList<>();
    private boolean echoSeen;
    private String result;
    private boolean connected;
    private String outcome;
    private long dataLength;
    private IOException failure;
    private IOException sinkFailure;
    private long lastActivity = System.nanoTime();

    Exchange(AtCommand command, long timeoutNanos) {
        this.command = command;
        this.ownPrefix = command.ownPrefix();
        this.timeoutNanos = timeoutNanos;
    }

    AtCommand command() {
        return command;
    }

    synchronized boolean resultSeen() {
        return result != null;
    }

    /** The command's echo, once, while no result has come. */
    synchronized boolean takeEcho(String line) {
        if (echoSeen || result != null || connected || !line.trim().equalsIgnoreCase(command.line())) {
            return false;
        }
        echoSeen = true;
        touch();
        return true;
    }

    /** Whether a line before the final result code belongs to this command rather than being a URC. */
    boolean owns(String line) {
        if (!line.startsWith("+")) {
            return true;
        }
        String outcomePrefix = command.outcomePrefix();
        return ownPrefix != null && line.startsWith(ownPrefix) || outcomePrefix != null && line.startsWith(outcomePrefix);
    }

    /** An information line; it is also the outcome if it has the expected prefix. */
    synchronized void info(String line) {
        info.add(line);
        if (outcome == null && command.outcomePrefix() != null && line.startsWith(command.outcomePrefix())) {
            outcome = line;
        }
        touch();
    }

    /** After the final result code: takes the line if it is the awaited outcome. */
    synchronized boolean takeOutcome(String line) {
        if (outcome != null || command.outcomePrefix() == null || !line.startsWith(command.outcomePrefix())) {
            return false;
        }
        outcome = line;
        touch();
        notifyAll();
        return true;
    }

    synchronized void result(String line) {
        result = line;
        touch();
        notifyAll();
    }

    synchronized void connected() {
        connected = true;
        touch();
        notifyAll();
    }

    synchronized void data(long bytes) {
        dataLength += bytes;
        touch();
    }

    synchronized void sinkFailed(IOException e) {
        if (sinkFailure == null) {
            sinkFailure = e;
        }
    }

    synchronized void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        notifyAll();
    }

    /** Restarts the silence clock, e.g. after the caller finished writing data. */
    synchronized void touch() {
        lastActivity = System.nanoTime();
    }

    private boolean complete() {
        if (failure != null || result != null && ResultCodes.isError(result)) {
            return true;
        }
        return result != null && (command.outcomePrefix() == null || outcome != null);
    }

    /**
     * Waits until the exchange is complete, or (if {@code untilConnect}) the module answered CONNECT.
     *
     * @throws ModemTimeoutException after {@code timeoutNanos} without activity
     */
    synchronized void await(boolean untilConnect) throws ModemException {
        while (!complete() && !(untilConnect && connected)) {
            long left = lastActivity + timeoutNanos - System.nanoTime();
            if (left <= 0) {
                String what = result == null ? (connected ? "data or final result code" : "final result code")
                        : command.outcomePrefix();
                throw new ModemTimeoutException(command.line(), what, timeoutNanos / 1_000_000);
            }
            try {
                wait(Math.max(1, left / 1_000_000), (int) (left % 1_000_000 / 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModemException(command.line(), "interrupted while waiting", e);
            }
        }
    }

    synchronized boolean isConnected() {
        return connected;
    }

    /** The response, or the failure it ended with. */
    synchronized AtResponse response() throws ModemException {
        if (failure != null) {
            throw failure instanceof ModemException m ? m
                    : new ModemException(command.line(), "link failed: " + failure.getMessage(), failure);
        }
        if (ResultCodes.isError(result)) {
            throw new ModemException(command.line(), ResultCodes.errorCode(result), result);
        }
        if (sinkFailure != null) {
            throw new ModemException(command.line(), "could not store received data: " + sinkFailure.getMessage(),
                    sinkFailure);
        }
        return new AtResponse(info, result, outcome, dataLength);
    }
}
