package dev.qmodem.cli;

import dev.qmodem.fleet.Fleet;
import dev.qmodem.fleet.FleetConfig;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A fleet being built on its own thread while the command starts its servers: building uses every core, a
 * server's start is mostly class loading on one, so side by side they are ready sooner than one after the other.
 * Closing it without having taken the fleet (a server could not start) stops the fleet once it is built.
 */
final class FleetStart implements AutoCloseable {

    private final FutureTask<Fleet> building;
    private boolean taken;

    private FleetStart(FutureTask<Fleet> building) {
        this.building = building;
    }

    static FleetStart begin(FleetConfig config) {
        FutureTask<Fleet> building = new FutureTask<>(() -> Fleet.start(config));
        Thread.ofPlatform().name("qmodem-fleet-start").daemon().start(building);
        return new FleetStart(building);
    }

    /** Waits until every module listens; the failure of a module that could not start is thrown as it was. */
    Fleet fleet() throws IOException, InterruptedException {
        try {
            Fleet fleet = building.get();
            taken = true;
            return fleet;
        } catch (ExecutionException e) {
            taken = true;
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!taken) {
            fleet().close();
        }
    }
}
