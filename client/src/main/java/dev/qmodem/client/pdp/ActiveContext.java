package dev.qmodem.client.pdp;

/**
 * One line of {@code AT+QIACT?}: {@code +QIACT: <contextID>,<context_state>,<context_type>,<IP_address>}.
 *
 * @param state 1 active, 0 deactivated
 * @param type  1 IPv4, 2 IPv6, 3 IPv4v6
 */
public record ActiveContext(int contextId, int state, int type, String address) {
}
