package dev.qmodem.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The faults in force on one module, from the control API, a scenario or a test. Where several of one kind are set
 * the newest applies ({@link Delay}s and {@link Hang}s apply per command). The byte path reads the current set
 * through one volatile field, so with no fault set it costs a null check.
 */
public final class Faults {

    /** A fault in force and the id it was given. */
    public record Active(String id, Fault fault) {
    }

    /** A fault or event acted: {@code kind} is its kind, {@code detail} says how, for the trace. */
    public record Injection(String kind, String detail) {
    }

    /** The faults of the host link, read together per chunk; null when none is set. */
    record HostLinkFaults(Fault.Uart uart, Fault.Slice slice, Fault.Noise noise) {
    }

    private final AtomicLong nextId = new AtomicLong(1);
    private final List<Consumer<Injection>> injectionListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile List<Active> active = List.of();
    private volatile HostLinkFaults hostLink;
    private volatile Fault.Link link;
    private volatile Fault.Disk disk;
    private volatile boolean dnsFails;
    private long seed;
    private SplittableRandom jitterSource;

    /** Faults with a seed of their own, which {@link #seed()} shows so that a run can be replayed. */
    public Faults() {
        seed(new SplittableRandom().nextLong());
    }

    /**
     * Seeds the link jitter: each shaped socket made from now on draws from a source split off this seed in turn,
     * so the same seed and the same connections give the same delays (a scenario's {@code seed}).
     */
    public synchronized void seed(long seed) {
        this.seed = seed;
        this.jitterSource = new SplittableRandom(seed);
    }

    /** The seed of the link jitter in force. */
    public synchronized long seed() {
        return seed;
    }

    /** The jitter source of one direction of a new shaped connection: the next split of the seeded source. */
    synchronized SplittableRandom linkJitter() {
        return jitterSource.split();
    }

    /** Puts a fault in force and returns it with its id. */
    public Active add(Fault fault) {
        Active added = new Active(Long.toString(nextId.getAndIncrement()), fault);
        synchronized (this) {
            List<Active> next = new ArrayList<>(active);
            next.add(added);
            update(next);
        }
        injected(fault.kind(), "set " + fault);
        return added;
    }

    /** Removes one fault; false if no fault has that id. */
    public synchronized boolean remove(String id) {
        List<Active> next = new ArrayList<>(active);
        boolean removed = next.removeIf(a -> a.id().equals(id));
        update(next);
        return removed;
    }

    /** Removes every fault. */
    public synchronized void clear() {
        update(List.of());
    }

    public List<Active> list() {
        return active;
    }

    private void update(List<Active> next) {
        active = List.copyOf(next);
        hostLink = newest(Fault.Uart.class) == null && newest(Fault.Slice.class) == null
                && newest(Fault.Noise.class) == null ? null
                : new HostLinkFaults(newest(Fault.Uart.class), newest(Fault.Slice.class), newest(Fault.Noise.class));
        link = newest(Fault.Link.class);
        disk = newest(Fault.Disk.class);
        Fault.Dns dns = newest(Fault.Dns.class);
        dnsFails = dns != null && dns.fail();
        changeListeners.forEach(Runnable::run);
    }

    /** Runs after every change of the set, under its lock, for parts that apply a fault once (the UFS size). */
    public void onChanged(Runnable listener) {
        changeListeners.add(listener);
    }

    private <T extends Fault> T newest(Class<T> kind) {
        T found = null;
        for (Active a : active) {
            if (kind.isInstance(a.fault())) {
                found = kind.cast(a.fault());
            }
        }
        return found;
    }

    HostLinkFaults hostLink() {
        return hostLink;
    }

    /** The link shaping in force, or null. */
    public Fault.Link link() {
        return link;
    }

    /** The free space the UFS must report and enforce, if a disk fault is set. */
    public Optional<Fault.Disk> disk() {
        return Optional.ofNullable(disk);
    }

    public boolean dnsFails() {
        return dnsFails;
    }

    /**
     * The newest delay set for {@code command} ({@code +QIACT}) in the form typed as {@code form} ({@code =},
     * {@code ?}, {@code =?} or nothing): one set for every form of it or for that form, if any.
     */
    public Optional<Fault.Delay> delay(String command, String form) {
        return perCommand(Fault.Delay.class, command, form).map(Fault.Delay.class::cast);
    }

    /** True if {@code command}'s URC must never come. */
    public boolean hangs(String command) {
        return perCommand(Fault.Hang.class, command, "").isPresent();
    }

    private Optional<Fault> perCommand(Class<? extends Fault> kind, String command, String form) {
        List<Active> current = active;
        for (int i = current.size() - 1; i >= 0; i--) {
            Fault f = current.get(i).fault();
            String named = switch (f) {
                case Fault.Delay d -> d.command();
                case Fault.Hang h -> h.command();
                default -> "";
            };
            if (kind.isInstance(f) && (named.equalsIgnoreCase(command) || named.equalsIgnoreCase(command + form))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The cut or stall set for new connections of this kind, or null. */
    Fault connectionFault(Fault.Connection connection) {
        List<Active> current = active;
        for (int i = current.size() - 1; i >= 0; i--) {
            Fault f = current.get(i).fault();
            if (f instanceof Fault.Cut cut && cut.connection() == connection
                    || f instanceof Fault.Stall stall && stall.connection() == connection) {
                return f;
            }
        }
        return null;
    }

    /** True when no socket fault is set: the FTP session then uses plain sockets. */
    boolean socketsUntouched() {
        return link == null && connectionFault(Fault.Connection.CONTROL) == null
                && connectionFault(Fault.Connection.DATA) == null;
    }

    /** Tells the listeners (trace, metrics) that a fault or event of {@code kind} acted: {@code detail} says how. */
    public void injected(String kind, String detail) {
        Injection injection = new Injection(kind, detail);
        injectionListeners.forEach(listener -> listener.accept(injection));
    }

    public void onInjected(Consumer<Injection> listener) {
        injectionListeners.add(listener);
    }
}
