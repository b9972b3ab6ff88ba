#!/usr/bin/env python3
"""What one relay hop costs on this machine, whatever the relay: the ceiling for a transfer through COM:.

A sender (sendfile from a RAM file, as vsftpd sends) and a receiver (1 MiB reads, as the benchmark's host reads) are
separate processes. Three ways between them, alternating, median of the rounds:
  direct   sender -> receiver: two processes, as curl and vsftpd
  copy     sender -> relay -> receiver, the relay reading into one 256 KiB buffer and writing it on (what qmodem does)
  splice   the same relay moving the bytes through a pipe with splice(2): no copy through user space
Prints each one's speed, its ratio to direct, and the machine's CPU seconds per GiB (every process and the kernel,
from /proc/stat). Run: scripts/relay-floor.py [MiB] [rounds]   (default 1024 MiB, 5 rounds; Linux only)
"""
import fcntl
import os
import socket
import statistics
import sys
import time

F_SETPIPE_SZ = 1031
MODES = ("direct", "copy", "splice")


def machine_busy_seconds():
    fields = open("/proc/stat").readline().split()
    return sum(int(fields[i]) for i in (1, 2, 3, 6, 7, 8)) / os.sysconf("SC_CLK_TCK")  # user nice system irq softirq steal


def receiver(listener, size):
    connection, _ = listener.accept()
    buffer = bytearray(1 << 20)
    received = 0
    while True:
        n = connection.recv_into(buffer)
        if not n:
            break
        received += n
    os._exit(0 if received == size else 1)


def relay(listener, onward_port, mode):
    inbound, _ = listener.accept()
    onward = socket.create_connection(("127.0.0.1", onward_port))
    if mode == "copy":
        buffer = bytearray(256 << 10)
        view = memoryview(buffer)
        while n := inbound.recv_into(buffer):
            onward.sendall(view[:n])
    else:
        pipe_out, pipe_in = os.pipe()
        fcntl.fcntl(pipe_in, F_SETPIPE_SZ, 1 << 20)
        while n := os.splice(inbound.fileno(), pipe_in, 1 << 20):
            while n:
                n -= os.splice(pipe_out, onward.fileno(), n)
    onward.close()
    os._exit(0)


def child(work):
    pid = os.fork()
    if pid == 0:
        try:
            work()
        finally:
            os._exit(1)
    return pid


def run(mode, path, size):
    """One transfer: (bytes/s, machine CPU s/GiB)."""
    receiving = socket.create_server(("127.0.0.1", 0))
    relaying = socket.create_server(("127.0.0.1", 0))
    children = [child(lambda: receiver(receiving, size))]
    target = receiving.getsockname()[1]
    if mode != "direct":
        children.append(child(lambda: relay(relaying, target, mode)))
        target = relaying.getsockname()[1]
    sender = socket.create_connection(("127.0.0.1", target))
    start, busy = time.monotonic(), machine_busy_seconds()
    with open(path, "rb") as source:
        sender.sendfile(source)
    sender.close()
    for pid in children:
        if os.waitpid(pid, 0)[1] != 0:
            sys.exit(f"{mode}: a child failed")
    seconds, cpu = time.monotonic() - start, machine_busy_seconds() - busy
    receiving.close()
    relaying.close()
    return size / seconds, cpu / (size / (1 << 30))


def main():
    size = int(sys.argv[1] if len(sys.argv) > 1 else 1024) << 20
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    folder = "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp"
    path = os.path.join(folder, f"relay-floor-{os.getpid()}.bin")
    try:
        block = os.urandom(1 << 20)
        with open(path, "wb") as out:
            for _ in range(size >> 20):
                out.write(block)
        figures = {mode: [] for mode in MODES}
        for round_ in range(-1, rounds):  # round -1 warms up and is not counted
            for mode in MODES if round_ % 2 == 0 else reversed(MODES):
                result = run(mode, path, size)
                if round_ >= 0:
                    figures[mode].append(result)
        print(f"one relay hop, {size >> 20} MiB over loopback, {os.cpu_count()} cores, "
              f"median of {rounds} alternating rounds; load average {os.getloadavg()[0]:.2f}")
        direct = statistics.median(speed for speed, _ in figures["direct"])
        for mode in MODES:
            speed = statistics.median(s for s, _ in figures[mode])
            cpu = statistics.median(c for _, c in figures[mode])
            print(f"  {mode:7s} {speed / 1e6:7.0f} MB/s  {speed / direct:4.2f} x direct   machine CPU {cpu:4.2f} s/GiB   "
                  f"{[round(s / 1e6) for s, _ in figures[mode]]}")
    finally:
        os.remove(path)


if __name__ == "__main__":
    main()
