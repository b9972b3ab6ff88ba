package dev.qmodem.module;

import dev.qmodem.at.HostOutput;
import dev.qmodem.fault.FaultException;
import dev.qmodem.fault.Faults;
import dev.qmodem.network.PdpContexts;

/**
 * One-shot events that happen to a module from outside, as the network or the power supply would make them
 * (docs/faults.md). Each is applied at once and marked in the trace.
 */
public final class ModuleEvents {

    private final Faults faults;
    private final HostOutput output;
    private final PdpContexts pdp;

    ModuleEvents(Faults faults, HostOutput output, PdpContexts pdp) {
        this.faults = faults;
        this.output = output;
        this.pdp = pdp;
    }

    /**
     * The network drops the context: {@code +QIURC: "pdpdeact",<id>}, the context is inactive, and an FTP session
     * on it ends as after AT+QIDEACT ({@code +QFTPCLOSE: 605,0}). Returns false, and does nothing, if the context
     * was not active.
     */
    public boolean pdpDeactivate(int contextId) {
        if (contextId < 1 || contextId > 16) {
            throw new FaultException("context", "must be 1-16");
        }
        if (!pdp.isActive(contextId)) {
            return false;
        }
        faults.injected("pdp-deactivate", "context " + contextId);
        output.urc("+QIURC: \"pdpdeact\"," + contextId);
        pdp.deactivate(contextId);
        return true;
    }

    /**
     * Writes {@code text} framed as a URC, held like the module's own while a command runs or data mode is on; it
     * must be one line without control characters.
     */
    public void urc(String text) {
        requireUrcLine(text);
        faults.injected("urc", text);
        output.urc(text);
    }

    /**
     * Writes {@code text} framed as a URC at once, even while a command line runs: called as the host's line
     * arrives, it lands before that command's response, where real modules race a URC against a response.
     */
    public void urcBeforeResponse(String text) {
        requireUrcLine(text);
        faults.injected("urc", text + " (before the response)");
        output.write(output.writer().unsolicited(text));
    }

    /** Checks that {@code text} can be a URC: one non-empty line without control characters. */
    public static void requireUrcLine(String text) {
        if (text == null || text.isEmpty() || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new FaultException("text", "must be one non-empty line without control characters");
        }
    }
}
