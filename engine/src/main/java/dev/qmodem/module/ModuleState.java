package dev.qmodem.module;

import dev.qmodem.network.PdpContexts;
import dev.qmodem.profile.Model;

import java.util.List;

/**
 * A module's state as the control API shows it.
 *
 * @param hostConnected a host is being served on the AT port
 * @param dataMode      the port is in data mode
 * @param pdp           the active PDP contexts
 * @param ftpStat       what AT+QFTPSTAT would report
 * @param ftpTransferLength what AT+QFTPLEN would report: bytes of the current or last transfer
 */
public record ModuleState(Model model, boolean hostConnected, boolean dataMode, List<PdpContexts.Activation> pdp,
                          int ftpStat, long ftpTransferLength) {
}
