package dev.qmodem.at;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Executes one command line: checks the {@code AT} prefix, parses, runs each command in order, and stops at the
 * first error (earlier information lines are kept, as V.250 says) or at CONNECT (data mode takes the port).
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final CommandRegistry registry;
    private final CommandObserver observer;

    public Dispatcher(CommandRegistry registry) {
        this(registry, CommandObserver.NONE);
    }

    public Dispatcher(CommandRegistry registry, CommandObserver observer) {
        this.registry = registry;
        this.observer = observer;
    }

    /** The response to a line, or null for a blank line (which gets no answer). */
    public Response execute(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return null;
        }
        observer.lineReceived(text);
        Response response = new Response();
        if (text.length() < 2 || Character.toUpperCase(text.charAt(0)) != 'A'
                || Character.toUpperCase(text.charAt(1)) != 'T') {
            response.error(AtException.PLAIN_ERROR);
            return response;
        }
        List<AtRequest> requests;
        try {
            requests = CommandLineParser.parse(text.substring(2));
        } catch (AtException e) {
            response.error(AtException.PLAIN_ERROR);
            return response;
        }
        for (AtRequest request : requests) {
            AtCommandHandler handler = registry.find(request.name());
            if (handler == null) {
                response.error(AtException.PLAIN_ERROR);
                return response;
            }
            boolean stop = run(handler, request, response);
            observer.commandDone(request.name(), request.form(), response);
            if (stop) {
                return response;
            }
        }
        return response;
    }

    /** Runs one command of the line; true if the line stops here (an error, CONNECT). */
    private static boolean run(AtCommandHandler handler, AtRequest request, Response response) {
        try {
            handler.handle(request, response);
        } catch (AtException e) {
            int code = e.code() == AtException.INVALID_PARAMETER ? handler.parameterError() : e.code();
            log.debug("{} refused: {}", request.name(), e.getMessage());
            response.error(code);
            return true;
        } catch (RuntimeException e) {
            log.error("{} failed", request.name(), e);
            response.error(AtException.PLAIN_ERROR);
            return true;
        }
        return response.result() != ResultCode.OK;
    }
}
