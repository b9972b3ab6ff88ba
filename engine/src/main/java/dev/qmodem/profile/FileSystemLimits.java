package dev.qmodem.profile;

/** The local file system's sizes ({@code fs.*}): drive capacities in bytes, name length, open handles. */
public record FileSystemLimits(long ufsCapacity, long ramCapacity, int nameMax, int openMax) {
}
