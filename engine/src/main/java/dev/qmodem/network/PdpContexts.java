package dev.qmodem.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * The module's packet data contexts: their configuration, which are active and the address each got. The module's
 * network is the host machine's network; the address is only what AT+QIACT? reports (configurable).
 */
public final class PdpContexts {

    /** An active context and its address. */
    public record Activation(int contextId, int type, String address) {
    }

    private final int maxActive;
    private final Radio radio;
    private final byte[] baseAddress;
    private final Map<Integer, PdpContext> configured = new TreeMap<>();
    private final Map<Integer, Activation> active = new TreeMap<>();
    private final List<IntConsumer> deactivationListeners = new CopyOnWriteArrayList<>();

    /**
     * @param maxActive   how many contexts may be active at once (three on these modules)
     * @param baseAddress the address context 1 gets; context n gets it plus n-1 in the last byte
     * @param radio       contexts activate only while it is registered, and end when it leaves the network
     */
    public PdpContexts(int maxActive, String baseAddress, Radio radio) {
        this.maxActive = maxActive;
        this.radio = radio;
        radio.onDetached(this::deactivateAll);
        try {
            this.baseAddress = InetAddress.getByName(baseAddress).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + baseAddress, e);
        }
    }

    public synchronized void configure(int contextId, PdpContext context) {
        configured.put(contextId, context);
    }

    public synchronized PdpContext configuration(int contextId) {
        return configured.getOrDefault(contextId, PdpContext.UNCONFIGURED);
    }

    /** Activates a context; false if it is already active, too many are, or the radio is not registered. */
    public synchronized boolean activate(int contextId) {
        if (active.containsKey(contextId) || active.size() >= maxActive || !radio.online()) {
            return false;
        }
        active.put(contextId, new Activation(contextId, configuration(contextId).type(), addressOf(contextId)));
        return true;
    }

    /** Deactivates a context and tells the services using it; true if it was active. */
    public boolean deactivate(int contextId) {
        synchronized (this) {
            if (active.remove(contextId) == null) {
                return false;
            }
        }
        deactivationListeners.forEach(listener -> listener.accept(contextId));
        return true;
    }

    /** Ends every active context, telling the services using them. */
    public void deactivateAll() {
        activations().forEach(a -> deactivate(a.contextId()));
    }

    /**
     * Power-on values: nothing active; nobody is told (the services reset themselves). Configurations stay: the
     * module keeps them in non-volatile memory.
     */
    public synchronized void reset() {
        active.clear();
    }

    /** The defined contexts, lowest first: context 1 (always there, as on the module) and those configured. */
    public synchronized List<Integer> defined() {
        TreeSet<Integer> ids = new TreeSet<>(configured.keySet());
        ids.add(1);
        return List.copyOf(ids);
    }

    /** Forgets a context's configuration (AT+CGDCONT=<cid>). */
    public synchronized void undefine(int contextId) {
        configured.remove(contextId);
    }

    /** The address an active context got, or null. */
    public synchronized String address(int contextId) {
        Activation activation = active.get(contextId);
        return activation == null ? null : activation.address();
    }

    public synchronized boolean isActive(int contextId) {
        return active.containsKey(contextId);
    }

    public synchronized List<Activation> activations() {
        return List.copyOf(active.values());
    }

    /** Runs when a context is deactivated, e.g. to close the FTP session that used it. */
    public void onDeactivated(IntConsumer listener) {
        deactivationListeners.add(listener);
    }

    private String addressOf(int contextId) {
        byte[] address = baseAddress.clone();
        address[address.length - 1] += (byte) (contextId - 1);
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
