package dev.qmodem.client.at;

import dev.qmodem.client.link.ByteLink;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AT wire: sends one command at a time and reads the module's output the way a careful host does. A reader
 * thread splits the output into lines and sorts them: the echo of the command line (skipped, so echo may be on
 * or off), information lines, the final result code ({@code OK}, {@code ERROR}, {@code +CME ERROR: <n>} or its
 * text, {@code NO CARRIER}, ...), {@code CONNECT} with the data mode that follows, and URCs, which go to the
 * command waiting for them (see {@link AtCommand#expecting}) or to {@link UrcListener}s on a dispatcher thread.
 * Every wait ends with {@link ModemTimeoutException} after a bounded silence. Thread-safe: concurrent callers
 * take turns.
 */
public final class AtChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtChannel.class);
    private static final int MAX_LINE = 4096;
    private static final byte[] ESCAPE = "+++".getBytes(StandardCharsets.US_ASCII);

    private enum Mode { LINES, DATA_UNTIL_OUTCOME, DATA_EXACT }

    private final ByteLink link;
    private final OutputStream output;
    private final ReentrantLock commandLock = new ReentrantLock();
    private final List<UrcListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService dispatcher;
    private final Object state = new Object();
    private Exchange current;
    private boolean closed;
    private volatile Duration defaultTimeout = Duration.ofSeconds(5);
    private volatile Duration guardTime = Duration.ofSeconds(1);

    // reader thread only
    private Mode mode = Mode.LINES;
    private final ByteArrayOutputStream lineBuffer = new ByteArrayOutputStream();
    private boolean discardingLine;
    private TransferEndScanner scanner;
    private long exactRemaining;
    private OutputStream dataSink;

    private AtChannel(ByteLink link, ThreadFactory threads) {
        this.link = link;
        this.output = link.output();
        this.dispatcher = Executors.newSingleThreadExecutor(threads);
    }

    /** Starts reading {@code link}; the channel owns it from now on and closes it in {@link #close()}. */
    public static AtChannel open(ByteLink link) {
        return open(link, Thread.ofPlatform().daemon().name("qmodem-client").factory());
    }

    /**
     * Starts reading {@code link} on a thread from {@code threads}, which also makes the thread that hands URCs to
     * listeners. A program that drives thousands of modules passes {@code Thread.ofVirtual().factory()}.
     */
    public static AtChannel open(ByteLink link, ThreadFactory threads) {
        AtChannel channel = new AtChannel(link, threads);
        threads.newThread(channel::readLoop).start();
        return channel;
    }

    /** Sends {@code line} and waits for its final result code with the default timeout. */
    public AtResponse send(String line) throws ModemException {
        return send(AtCommand.of(line));
    }

    /** Sends {@code line} and waits at most {@code timeout} of silence for its final result code. */
    public AtResponse send(String line, Duration timeout) throws ModemException {
        return send(AtCommand.of(line).timeout(timeout));
    }

    /**
     * Runs one command to completion: writes its line, handles {@code CONNECT} as the command says, waits for the
     * final result code and the outcome line if one is expected.
     *
     * @throws ModemException        on an error result code or a broken link
     * @throws ModemTimeoutException when the module stays silent too long
     */
    public AtResponse send(AtCommand command) throws ModemException {
        Duration timeout = command.timeout() != null ? command.timeout() : defaultTimeout;
        commandLock.lock();
        try {
            Exchange exchange = new Exchange(command, timeout.toNanos());
            synchronized (state) {
                if (closed) {
                    throw new ModemException(command.line(), "channel closed", null);
                }
                current = exchange;
            }
            try {
                LOG.debug("> {}", command.line());
                write((command.line() + "\r").getBytes(StandardCharsets.UTF_8));
                exchange.await(command.writer() != null);
                if (command.writer() != null && exchange.isConnected() && !exchange.resultSeen()) {
                    sendData(exchange);
                    exchange.await(false);
                }
                AtResponse response = exchange.response();
                LOG.debug("< {}", response);
                return response;
            } finally {
                synchronized (state) {
                    if (current == exchange) {
                        current = null;
                    }
                }
            }
        } finally {
            commandLock.unlock();
        }
    }

    private void sendData(Exchange exchange) throws ModemException {
        String line = exchange.command().line();
        boolean escape;
        try {
            escape = exchange.command().writer().writeTo(new FilterOutputStream(output) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            output.flush();
        } catch (IOException e) {
            // the module is still in data mode: leave it so the line stays usable, then report the cause
            try {
                escape();
                exchange.await(false);
            } catch (IOException ignored) {
                LOG.debug("escape after failed upload: {}", ignored.toString());
            }
            throw new ModemException(line, "could not send data: " + e.getMessage(), e);
        }
        if (escape) {
            try {
                escape();
            } catch (IOException e) {
                throw new ModemException(line, "could not send +++", e);
            }
        }
        exchange.touch();
    }

    /** Guard time of silence, then {@code +++}; the module answers after its own guard time after it. */
    private void escape() throws IOException {
        Duration guard = guardTime;
        // a little more than the guard: bytes written may still be leaving the UART when the pause starts
        long pauseMillis = guard.toMillis() + guard.toMillis() / 10 + 20;
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the guard time", e);
        }
        write(ESCAPE);
    }

    private void write(byte[] bytes) throws ModemException {
        try {
            output.write(bytes);
            output.flush();
        } catch (IOException e) {
            throw new ModemException(null, "cannot write to the module: " + e.getMessage(), e);
        }
    }

    /** Adds a listener for URCs no command is waiting for. */
    public void addUrcListener(UrcListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener added with {@link #addUrcListener}. */
    public void removeUrcListener(UrcListener listener) {
        listeners.remove(listener);
    }

    /** The timeout of commands that name none (5 s unless set). */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** Sets the timeout of commands that name none. */
    public void setDefaultTimeout(Duration timeout) {
        this.defaultTimeout = timeout;
    }

    /** The silence kept before {@code +++} (1 s unless set): must be at least the module's ATS12 guard time. */
    public Duration guardTime() {
        return guardTime;
    }

    /** Sets the silence kept before {@code +++}; match it to the module's {@code ATS12} (fiftieths of a second). */
    public void setGuardTime(Duration guardTime) {
        this.guardTime = guardTime;
    }

    /** Closes the link, fails the command in progress and stops the threads. */
    @Override
    public void close() {
        synchronized (state) {
            closed = true;
        }
        try {
            link.close();
        } catch (IOException e) {
            LOG.debug("closing link: {}", e.toString());
        }
        dispatcher.shutdown();
    }

    // ---- reader thread ----

    private void readLoop() {
        byte[] buffer = new byte[8192];
        IOException failure;
        try {
            InputStream input = link.input();
            int n;
            while ((n = input.read(buffer)) >= 0) {
                process(buffer, 0, n);
            }
            failure = new ModemException(null, "the module closed the link", null);
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            LOG.error("AT reader failed", e);
            failure = new IOException(e);
        }
        synchronized (state) {
            closed = true;
            if (current != null) {
                current.fail(failure);
            }
        }
        dispatcher.shutdown();
    }

    private void process(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (mode) {
                case LINES -> i = readLine(bytes, i, end);
                case DATA_EXACT -> {
                    int n = (int) Math.min(end - i, exactRemaining);
                    toSink(bytes, i, n);
                    exactRemaining -= n;
                    i += n;
                    if (exactRemaining == 0) {
                        mode = Mode.LINES;
                    }
                }
                case DATA_UNTIL_OUTCOME -> {
                    i += scanner.feed(bytes, i, end - i);
                    if (scanner.matched()) {
                        transferEnded();
                    }
                }
            }
        }
    }

    private void transferEnded() {
        TransferEndScanner ended = scanner;
        scanner = null;
        dataSink = null;
        mode = Mode.LINES;
        Exchange exchange = exchange();
        for (String other : ended.otherLines()) {
            dispatchUrc(other);
        }
        if (exchange != null) {
            exchange.result(ended.resultLine());
            exchange.takeOutcome(ended.outcomeLine());
        }
        byte[] leftover = ended.leftover();
        process(leftover, 0, leftover.length);
    }

    private int readLine(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && bytes[i] != '\n') {
            i++;
        }
        if (!discardingLine) {
            if (lineBuffer.size() + (i - from) > MAX_LINE) {
                LOG.warn("discarding a line longer than {} bytes", MAX_LINE);
                discardingLine = true;
                lineBuffer.reset();
            } else {
                lineBuffer.write(bytes, from, i - from);
            }
        }
        if (i == end) {
            return end;
        }
        if (!discardingLine) {
            onLine(stripCarriageReturns(lineBuffer.toString(StandardCharsets.UTF_8)));
        }
        discardingLine = false;
        lineBuffer.reset();
        return i + 1;
    }

    private static String stripCarriageReturns(String raw) {
        return raw.replace("\r", "");
    }

    private void onLine(String line) {
        if (line.isBlank()) {
            return;
        }
        LOG.trace("line {}", line);
        Exchange exchange = exchange();
        if (exchange == null) {
            if (ResultCodes.isFinal(line) || ResultCodes.isConnect(line)) {
                LOG.debug("result code with no command waiting: {}", line);
            } else {
                dispatchUrc(line);
            }
            return;
        }
        if (exchange.resultSeen()) {
            if (!exchange.takeOutcome(line)) {
                dispatchUrc(line);
            }
            return;
        }
        if (exchange.takeEcho(line)) {
            return;
        }
        if (ResultCodes.isConnect(line)) {
            connect(exchange, line);
        } else if (ResultCodes.isFinal(line)) {
            exchange.result(line);
        } else if (exchange.owns(line)) {
            exchange.info(line);
        } else {
            dispatchUrc(line);
        }
    }

    private void connect(Exchange exchange, String line) {
        AtCommand.Inbound inbound = exchange.command().inbound();
        if (inbound == null && exchange.command().writer() == null) {
            exchange.result(line);
            return;
        }
        if (inbound != null) {
            dataSink = inbound.sink();
            if (inbound.untilOutcome()) {
                scanner = new TransferEndScanner(exchange.command().outcomePrefix(), this::toSink);
                mode = Mode.DATA_UNTIL_OUTCOME;
            } else {
                long announced = ResultCodes.connectLength(line);
                exactRemaining = announced >= 0 ? announced : inbound.length();
                mode = exactRemaining > 0 ? Mode.DATA_EXACT : Mode.LINES;
            }
        }
        exchange.connected();
    }

    private void toSink(byte[] bytes, int offset, int length) {
        Exchange exchange = exchange();
        if (exchange == null) {
            return;
        }
        exchange.data(length);
        if (dataSink == null) {
            return;
        }
        try {
            dataSink.write(bytes, offset, length);
        } catch (IOException e) {
            exchange.sinkFailed(e);
            dataSink = null;
        }
    }

    private Exchange exchange() {
        synchronized (state) {
            return current;
        }
    }

    private void dispatchUrc(String line) {
        LOG.debug("URC {}", line);
        try {
            dispatcher.execute(() -> {
                for (UrcListener listener : listeners) {
                    try {
                        listener.onUrc(line);
                    } catch (RuntimeException e) {
                        LOG.warn("URC listener failed on {}", line, e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("channel closed, URC dropped: {}", line);
        }
    }
}
