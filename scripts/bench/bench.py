#!/usr/bin/env python3
"""Helpers of scripts/bench-calls: the parts that are awkward in bash.

  bench.py alaw PCAP OUT          A-law payload of an RTP pcap, as a raw file for SIPp's rtp_stream
  bench.py ping ...               does a SIP server answer OPTIONS over UDP?
  bench.py sample ...             samples CPU, RSS and kernel UDP counters until SIGTERM (JSON lines)
  bench.py wait-idle ...          waits until no UDP socket is open in a port range
  bench.py wait-quiet ...         waits until the rest of the machine leaves the CPU alone
  bench.py step ...               sums up one benchmark step from the samples, SIPp and callgate's CDRs
  bench.py report RUN_DIR         markdown tables of every step of a run

Only the standard library; Linux /proc only.
"""

import argparse
import csv
import datetime
import json
import os
import re
import random
import signal
import socket
import struct
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------------------------------------
# alaw: the payload of g711a.pcap, looped by rtp_stream instead of replayed through raw sockets

def cmd_alaw(args):
    data = open(args.pcap, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    endian = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    link_header = {1: 14, 101: 0, 113: 16}.get(linktype)  # Ethernet, raw IP, Linux cooked
    if link_header is None:
        sys.exit(f"bench.py alaw: unsupported pcap link type {linktype}")
    offset, payload, packets = 24, bytearray(), 0
    while offset + 16 <= len(data):
        incl = struct.unpack(endian + "I", data[offset + 8:offset + 12])[0]
        frame = data[offset + 16:offset + 16 + incl]
        offset += 16 + incl
        ip = frame[link_header:]
        if len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != 17:
            continue  # not IPv4/UDP
        rtp = ip[(ip[0] & 15) * 4 + 8:]
        if len(rtp) < 12 or rtp[0] >> 6 != 2 or rtp[1] & 127 != 8:
            continue  # not RTP payload type 8 (PCMA)
        payload += rtp[12 + 4 * (rtp[0] & 15):]
        packets += 1
    if not payload:
        sys.exit(f"bench.py alaw: no PCMA RTP packets in {args.pcap}")
    with open(args.out, "wb") as out:
        out.write(payload)
    print(f"{packets} PCMA packets, {len(payload)} bytes = {len(payload) / 8000:.2f} s of audio")


# ---------------------------------------------------------------------------------------------
# ping: SIP OPTIONS over UDP, the keep-alive callgate answers with 200 (RFC 3261 §11)

def cmd_ping(args):
    tag = f"{random.getrandbits(48):012x}"
    request = (f"OPTIONS sip:{args.host}:{args.port} SIP/2.0\r\n"
               f"Via: SIP/2.0/UDP {args.host}:{args.local_port};branch=z9hG4bK-bench-{tag};rport\r\n"
               f"Max-Forwards: 70\r\n"
               f"From: <sip:bench@{args.host}:{args.local_port}>;tag={tag}\r\n"
               f"To: <sip:{args.host}:{args.port}>\r\n"
               f"Call-ID: bench-ping-{tag}@{args.host}\r\n"
               f"CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((args.host, args.local_port))
        deadline = time.time() + args.timeout
        while time.time() < deadline:
            sock.sendto(request, (args.host, args.port))
            sock.settimeout(max(0.05, min(0.5, deadline - time.time())))
            try:
                while True:
                    data = sock.recv(65535).decode(errors="replace")
                    if tag in data and data.startswith("SIP/2.0 "):
                        print(data.split("\r\n", 1)[0])
                        return
            except socket.timeout:
                continue
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# sample: one JSON line per tick

def read_pids(path):
    pids = {}
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2 and parts[1].isdigit():
                    pids[parts[0]] = int(parts[1])
    except FileNotFoundError:
        pass
    return pids


def proc_cpu_rss(pid):
    """(utime+stime in ticks, VmRSS kB, VmHWM kB, threads) of a live process, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
        with open(f"/proc/{pid}/status") as f:
            status = f.read()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
    ticks = int(fields[11]) + int(fields[12])      # utime, stime (fields 14 and 15 of stat)
    rss = hwm = threads = 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
        elif line.startswith("VmHWM:"):
            hwm = int(line.split()[1])
        elif line.startswith("Threads:"):
            threads = int(line.split()[1])
    if fields[0] == "Z":  # exited, not yet reaped
        return None
    return ticks, rss, hwm, threads


# callgate's threads by the part of callgate they serve (thread names are cut to 15 characters)
THREAD_GROUPS = (
    ("media", re.compile(r"^callgate-media")),
    ("sip", re.compile(r"^(callgate-\d|callgate-sip|MessageProcesso|DefaultSipTimer|pool-jain_sip_timer|EventScanner)")),
    ("gc", re.compile(r"^(GC Thread|G1 |VM Thread)")),
    ("jit", re.compile(r"^C[12] Compiler")),
)


def thread_groups(pid):
    """utime+stime ticks of a JVM's threads, summed per THREAD_GROUPS entry (rest: "other")."""
    groups = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return groups
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        name = next((g for g, pattern in THREAD_GROUPS if pattern.match(comm)), "other")
        groups[name] = groups.get(name, 0) + int(fields[11]) + int(fields[12])
    return groups


def machine_cpu():
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal ...
    total = sum(cpu[:8])
    idle = cpu[3] + cpu[4]
    return total, idle, cpu[6]


def udp_snmp():
    """Kernel UDP counters, IPv4 and IPv6 added up (a dual-stack socket counts under Udp6)."""
    with open("/proc/net/snmp") as f:
        lines = [l.split() for l in f if l.startswith("Udp:")]
    counters = {k: int(v) for k, v in zip(lines[0][1:], lines[1][1:])}
    try:
        with open("/proc/net/snmp6") as f:
            for line in f:
                name, _, value = line.partition(" ")
                if name.startswith("Udp6"):
                    key = name[len("Udp6"):]
                    counters[key] = counters.get(key, 0) + int(value)
    except FileNotFoundError:
        pass
    return counters


def other_processes(ours):
    """{pid: [comm, utime+stime ticks]} of every process that is not ours and has used CPU."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) in ours:
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])
        if ticks:
            found[entry] = [stat[stat.index("(") + 1:stat.rindex(")")], ticks]
    return found


def udp_sockets():
    """Lines of /proc/net/udp and /proc/net/udp6 (Java binds dual-stack sockets: udp6)."""
    for path in ("/proc/net/udp", "/proc/net/udp6"):
        try:
            with open(path) as f:
                next(f)
                yield from f
        except FileNotFoundError:
            pass


class SocketDrops:
    """Drops per UDP socket (last column of /proc/net/udp), summed per port range.

    Callgate's RTP sockets live only as long as their call, so a socket's count is remembered
    after it closes: the cumulative figure per range is the sum over every socket ever seen.
    Sockets that drop in the last sampling interval before they close are missed."""

    def __init__(self, ranges):
        self.ranges = ranges                  # name -> (low, high)
        self.last = {}                        # (inode, port) -> drops
        self.retired = {name: 0 for name in ranges}

    def range_of(self, port):
        for name, (low, high) in self.ranges.items():
            if low <= port <= high:
                return name
        return "other"

    def sample(self, owners=None):
        """owners: range name -> socket inodes of the process that owns the range; a socket in
        the range that the process does not own (another program's ephemeral port) is "other"."""
        owners = owners or {}
        seen, sockets, rxq = {}, {n: 0 for n in self.ranges}, {n: 0 for n in self.ranges}
        for line in udp_sockets():
            parts = line.split()
            port = int(parts[1].split(":")[1], 16)
            queued = int(parts[4].split(":")[1], 16)
            inode, drops = int(parts[9]), int(parts[-1])
            name = self.range_of(port)
            if owners.get(name) is not None and inode not in owners[name]:
                name = "other"
            if name in sockets:
                sockets[name] += 1
                rxq[name] += queued
            key = (inode, port)
            if key in self.last and drops < self.last[key][0]:  # inode reused by a new socket
                self.retired[name] = self.retired.get(name, 0) + self.last[key][0]
            seen[key] = (drops, name)
        for key, (drops, name) in self.last.items():
            if key not in seen:  # closed since the last sample: keep its count
                self.retired[name] = self.retired.get(name, 0) + drops
        self.last = seen
        cumulative = dict(self.retired)
        for drops, name in seen.values():
            cumulative[name] = cumulative.get(name, 0) + drops
        return sockets, rxq, cumulative


def socket_inodes(pid):
    """Inodes of the sockets a process has open (from /proc/PID/fd), or None if it is gone."""
    inodes = set()
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return None
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    return inodes


def parse_range(text):
    low, high = text.split("-")
    return int(low), int(high)


def cmd_sample(args):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    drops = SocketDrops({name: parse_range(r) for name, r in
                         (item.split("=") for item in args.ranges)})
    with open(args.out, "a", buffering=1) as out:
        while not stop:
            started = time.time()
            row = {"t": round(started, 3)}
            total, idle, softirq = machine_cpu()
            row.update(cpu_total=total, cpu_idle=idle, cpu_softirq=softirq)
            pids = read_pids(args.pids)
            for label, pid in pids.items():
                got = proc_cpu_rss(pid)
                if got is not None:
                    row[label] = {"pid": pid, "ticks": got[0], "rss": got[1], "hwm": got[2],
                                  "threads": got[3]}
            if "callgate" in pids:
                row["callgate_threads"] = thread_groups(pids["callgate"])
            row["others"] = other_processes(set(pids.values()) | {os.getpid()})
            row["udp"] = udp_snmp()
            owners = {"callgate": socket_inodes(pids["callgate"])} if "callgate" in pids else {}
            sockets, rxq, cumulative = drops.sample(owners)
            row["sockets"], row["rxq"], row["drops"] = sockets, rxq, cumulative
            out.write(json.dumps(row, separators=(",", ":")) + "\n")
            time.sleep(max(0.0, args.interval - (time.time() - started)))


# ---------------------------------------------------------------------------------------------
# wait-idle: until callgate holds no RTP socket (every call of the last step has ended)

def cmd_wait_idle(args):
    low, high = parse_range(args.range)
    deadline = time.time() + args.timeout
    while True:
        open_sockets = sum(1 for line in udp_sockets() if low <= int(line.split()[1].split(":")[1], 16) <= high)
        if open_sockets == 0:
            return
        if time.time() > deadline:
            print(open_sockets)
            sys.exit(1)
        time.sleep(0.25)


# ---------------------------------------------------------------------------------------------
# wait-quiet: until the rest of the machine leaves the CPU to the benchmark

def cmd_wait_quiet(args):
    """Waits until processes other than ours used < --max-other % of one core over --window s.

    Prints the seconds waited and the busiest other process seen last; exits 1 on timeout."""
    started = time.time()
    while True:
        ours = set(read_pids(args.pids).values()) | {os.getpid()}
        def ours_ticks():
            return sum(got[0] for got in map(proc_cpu_rss, ours) if got)

        total0, idle0, _ = machine_cpu()
        mine0, others0 = ours_ticks(), other_processes(ours)
        time.sleep(args.window)
        total1, idle1, _ = machine_cpu()
        mine1, others1 = ours_ticks(), other_processes(ours)
        busy = (total1 - total0) - (idle1 - idle0) - (mine1 - mine0)
        other_pct = 100.0 * busy / CLK_TCK / args.window
        waited = time.time() - started
        if other_pct < args.max_other:
            print(f"{waited:.0f}")
            return
        if waited > args.timeout:
            used = {f"{c}[{p}]": t - others0.get(p, [c, 0])[1] for p, (c, t) in others1.items()}
            busiest = max(used.items(), key=lambda kv: kv[1], default=("nothing", 0))[0]
            print(f"{waited:.0f} (still {other_pct:.0f} % of a core busy, mostly {busiest})")
            sys.exit(1)


# ---------------------------------------------------------------------------------------------
# step: one step's figures

CDR = re.compile(
    r"callgate\.cdr \[(?P<sipcallid>[^\]]*)\].* status=(?P<status>\d+) reason=(?P<reason>\S+) "
    r"talk=(?P<talk>\d+)ms (?:recording=\S+ (?:fallback=\S+ )?)?"
    r"caller\[in=(?P<c_in>\d+) out=(?P<c_out>\d+) lost=(?P<c_lost>\d+) dropped=(?P<c_drop>\d+)[^\]]*\] "
    r"agent\[in=(?P<a_in>\d+) out=(?P<a_out>\d+) lost=(?P<a_lost>\d+) dropped=(?P<a_drop>\d+)")


LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+(?:Z|[+-]\d\d:\d\d))")
# a WARN or ERROR line of callgate's log (logger and message), or an exception that killed a thread
LOG_PROBLEM = re.compile(r"^\S+ +(?:WARN|ERROR) +(\S+) \[[^\]]*\] \[[^\]]*\] (.*)$|^(Exception in thread .*)$")


def load_samples(path, t0, t1):
    rows = []
    with open(path) as f:
        for line in f:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue  # the sampler may be writing the last line
            if t0 - 0.01 <= row["t"] <= t1 + 0.01:
                rows.append(row)
    return rows


def cpu_of(rows, label):
    """% of one core used by `label` between its first and last sample in rows."""
    mine = [r for r in rows if label in r]
    if len(mine) < 2:
        return None
    ticks = mine[-1][label]["ticks"] - mine[0][label]["ticks"]
    seconds = mine[-1]["t"] - mine[0]["t"]
    return 100.0 * ticks / CLK_TCK / seconds if seconds > 0 else None


def machine_busy(rows):
    """% of one core the whole machine was busy (all cores: 100 % x nproc at most)."""
    if len(rows) < 2:
        return None
    total = rows[-1]["cpu_total"] - rows[0]["cpu_total"]
    idle = rows[-1]["cpu_idle"] - rows[0]["cpu_idle"]
    seconds = rows[-1]["t"] - rows[0]["t"]
    cores = total / CLK_TCK / seconds if seconds > 0 else 1
    return 100.0 * (total - idle) / total * cores if total > 0 else None


def delta(rows, *path):
    def get(row):
        for key in path:
            row = row.get(key, {}) if isinstance(row, dict) else {}
        return row if isinstance(row, (int, float)) else 0
    return get(rows[-1]) - get(rows[0]) if len(rows) >= 2 else 0


def sipp_final(stat_csv):
    """Last row of a SIPp -trace_stat file as a dict, or {}."""
    try:
        with open(stat_csv, newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
    except FileNotFoundError:
        return {}
    if len(rows) < 2:
        return {}
    return dict(zip(rows[0], rows[-1]))


def sipp_rows(stat_csv):
    try:
        with open(stat_csv, newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
    except FileNotFoundError:
        return []
    return [dict(zip(rows[0], r)) for r in rows[1:] if len(r) >= len(rows[0]) - 1]


def sipp_ms(value):
    # "00:00:00:016000" = hh:mm:ss:microseconds
    h, m, s, us = (int(x) for x in value.split(":"))
    return (h * 3600 + m * 60 + s) * 1000 + us / 1000


def setup_times(rtt_csv):
    """(time answered in ms since SIPp started, INVITE-to-200 ms) per call, from -trace_rtt."""
    times = []
    try:
        with open(rtt_csv, newline="") as f:
            for row in csv.reader(f, delimiter=";"):
                if row and row[0] != "Date_ms":
                    times.append((float(row[0]), float(row[1])))
    except FileNotFoundError:
        pass
    return sorted(times)


GC_PAUSE = re.compile(r"\[(\d+)ms\].*\bPause\b.* (\d+(?:\.\d+)?)ms$")


def gc_pauses(gc_log, t0, t1):
    """Durations (ms) of the GC pauses logged between t0 and t1 (epoch s): -Xlog:gc:...:timemillis."""
    pauses = []
    try:
        with open(gc_log) as f:
            for line in f:
                m = GC_PAUSE.search(line.strip())
                if m and t0 <= int(m.group(1)) / 1000.0 <= t1:
                    pauses.append(float(m.group(2)))
    except FileNotFoundError:
        pass
    return pauses


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def cmd_step(args):
    rows = load_samples(args.samples, args.t0, args.t1)
    plateau = load_samples(args.samples, args.p0, args.p1) if args.p0 else rows
    step = {"kind": args.kind, "name": args.name, "offered_rate": args.rate, "calls_offered": args.calls,
            "talk_ms": args.talk_ms, "target_concurrent": args.concurrent,
            "t0": args.t0, "t1": args.t1, "p0": args.p0, "p1": args.p1, "uac_exit": args.uac_exit,
            "quiet_wait": args.quiet_wait, "callgate_instance": args.callgate_instance,
            "callgate_health": args.callgate_health}

    # SIPp caller: what it offered, what failed
    final = sipp_final(args.uac_stat)
    stat_rows = sipp_rows(args.uac_stat)
    created = int(final.get("OutgoingCall(C)", 0) or 0)
    step["calls_created"] = created
    # achieved setup rate: calls answered per second, first to last answer
    answered = setup_times(args.uac_rtt)
    span_ms = answered[-1][0] - answered[0][0] if len(answered) > 1 else 0
    step["achieved_rate"] = round(1000.0 * (len(answered) - 1) / span_ms, 1) if span_ms > 0 else 0.0
    step["answered"] = len(answered)
    delays = [d for _, d in answered]
    for p in (50, 95, 99, 100):
        step[f"setup_ms_p{p}"] = percentile(delays, p)
    step["sipp_ok"] = int(final.get("SuccessfulCall(C)", 0) or 0)
    step["sipp_failed"] = int(final.get("FailedCall(C)", 0) or 0)
    step["sipp_retrans"] = int(final.get("Retransmissions(C)", 0) or 0)
    step["sipp_dead_msgs"] = int(final.get("DeadCallMsgs(C)", 0) or 0)
    step["sipp_max_current"] = max((int(r["CurrentCall"]) for r in stat_rows), default=0)
    failures = {k[len("Failed"):-3]: int(v) for k, v in final.items()
                if k.startswith("Failed") and k.endswith("(C)") and k != "FailedCall(C)" and v not in ("", "0")}
    step["sipp_failure_kinds"] = failures
    if final:
        step["setup_ms_avg"] = round(sipp_ms(final["ResponseTime1(C)"]), 1)
    # the caller SIPp's calls that did not finish at all (killed at -timeout) count as failed
    unfinished = max(0, created - step["sipp_ok"] - step["sipp_failed"])
    failed = step["sipp_failed"] + unfinished
    step["failed"] = failed
    step["failed_pct"] = round(100.0 * failed / created, 3) if created else None

    # callgate's view: one CDR per call. Calls ended by the caller or agent carry the caller's SIP
    # Call-ID (with the caller SIPp's pid in it); calls ended by callgate's own timers (no answer,
    # media timeout) log their CDR with an empty MDC, so those are taken by time: the steps do not
    # overlap. The same pass collects callgate's warnings and errors of the step.
    tag = f"-{args.uac_pid}@"
    sums = {k: 0 for k in ("c_in", "c_out", "c_lost", "c_drop", "a_in", "a_out", "a_lost", "a_drop")}
    cdrs, not_ok, reasons, problems, when = 0, 0, {}, {}, 0.0
    with open(args.cdr, errors="replace") as f:
        for line in f:
            stamp = LOG_TIME.match(line)
            if stamp:
                when = datetime.datetime.fromisoformat(stamp.group(1).replace("Z", "+00:00")).timestamp()
            in_step = args.t0 <= when <= args.t1
            if "callgate.cdr" not in line:
                problem = LOG_PROBLEM.search(line)
                if problem and in_step:
                    text = problem.group(3) or f"{problem.group(1)}: {problem.group(2)}"
                    text = re.sub(r"refusing call to \S+:", "refusing call to <line>:", text)
                    key = re.sub(r"[0-9a-f]{24}|\d+", "#", text)[:110]
                    problems[key] = problems.get(key, 0) + 1
                continue
            if tag not in line and not (" callgate.cdr [] " in line and in_step):
                continue
            m = CDR.search(line)
            if not m:
                continue
            cdrs += 1
            key = f"{m['status']} {m['reason']}"
            reasons[key] = reasons.get(key, 0) + 1
            if m["status"] != "200" or m["reason"] != "CALLER_HANGUP":
                not_ok += 1
            for k in sums:
                sums[k] += int(m[k])
    step["uac_pid"] = args.uac_pid
    step["log_problems"] = dict(sorted(problems.items(), key=lambda kv: -kv[1])[:6])
    step["cdrs"] = cdrs
    step["cdr_not_ok"] = not_ok
    step["cdr_reasons"] = reasons
    step["rtp"] = sums
    # Loss, both directions through callgate (see docs/benchmarks.md):
    #   expected = packets the peers sent towards callgate = received + sequence gaps
    #   lost     = sequence gaps + received but not relayed (dropped)
    expected = sums["c_in"] + sums["c_lost"] + sums["a_in"] + sums["a_lost"]
    lost = sums["c_lost"] + sums["a_lost"] + sums["c_drop"] + sums["a_drop"]
    step["rtp_expected"] = expected
    step["rtp_lost"] = lost
    step["rtp_loss_pct"] = round(100.0 * lost / expected, 4) if expected else None
    # Of those, the packets the kernel dropped at the agent SIPps' echo sockets (filled below) were
    # lost in the test's far end, not in callgate.
    # Sanity: what came in and was not sent on, beyond what callgate counted as dropped
    step["rtp_unrelayed"] = (sums["c_in"] - sums["a_out"] - sums["c_drop"]) + (sums["a_in"] - sums["c_out"] - sums["a_drop"])

    # resources: CPU over the step (or plateau), peak RSS over the step
    window = plateau if len(plateau) >= 2 else rows
    step["window_s"] = round(window[-1]["t"] - window[0]["t"], 1) if len(window) >= 2 else 0
    labels = {key for row in window for key, value in row.items() if isinstance(value, dict) and "ticks" in value}
    for group in ("callgate", "uas", "uac", "sampler"):  # uas: every agent SIPp (uas1, uas2, ...)
        values = [cpu_of(window, label) for label in labels if label.rstrip("0123456789") == group]
        values = [v for v in values if v is not None]
        step[f"cpu_{group}"] = round(sum(values), 1) if values else None
    if len(window) >= 2 and window[-1]["t"] > window[0]["t"]:
        seconds = window[-1]["t"] - window[0]["t"]
        first, last = window[0].get("callgate_threads", {}), window[-1].get("callgate_threads", {})
        step["cpu_callgate_parts"] = {g: round(100.0 * (last.get(g, 0) - first.get(g, 0)) / CLK_TCK / seconds, 1)
                                      for g in ("sip", "media", "gc", "jit", "other")}
    pauses = gc_pauses(args.gc_log, window[0]["t"], window[-1]["t"]) if args.gc_log and len(window) >= 2 else []
    step["gc_pauses"] = len(pauses)
    step["gc_pause_ms_total"] = round(sum(pauses), 1)
    step["gc_pause_ms_max"] = round(max(pauses), 1) if pauses else 0.0
    busy = machine_busy(window)
    step["cpu_machine"] = round(busy, 1) if busy is not None else None
    ours = sum(step[f"cpu_{l}"] or 0 for l in ("callgate", "uas", "uac", "sampler"))
    step["cpu_other"] = round(max(0.0, busy - ours), 1) if busy is not None else None
    step["cores"] = os.cpu_count()
    cg = [r["callgate"] for r in rows if "callgate" in r]
    step["rss_callgate_peak_mb"] = round(max(c["rss"] for c in cg) / 1024, 1) if cg else None
    step["rss_callgate_end_mb"] = round(cg[-1]["rss"] / 1024, 1) if cg else None
    step["threads_callgate"] = max((c["threads"] for c in cg), default=None)
    # concurrency as callgate's sockets show it: 4 per call (RTP+RTCP on two legs)
    socks = [r["sockets"].get("callgate", 0) for r in window]
    step["callgate_calls_min"] = min(socks) // 4 if socks else None
    step["callgate_calls_plateau_max"] = max(socks) // 4 if socks else None
    step["callgate_calls_max"] = max((r["sockets"].get("callgate", 0) for r in rows), default=0) // 4

    # kernel: UDP receive drops over the step, and whose socket they hit
    step["udp_rcvbuf_errors"] = delta(rows, "udp", "RcvbufErrors")
    step["udp_sndbuf_errors"] = delta(rows, "udp", "SndbufErrors")
    step["udp_in_errors"] = delta(rows, "udp", "InErrors")
    for name in ("callgate", "uas", "uac", "other"):
        step[f"drops_{name}"] = delta(rows, "drops", name)
    callgate_lost = max(0, lost - step["drops_uas"])
    step["rtp_callgate_lost"] = callgate_lost
    step["rtp_callgate_loss_pct"] = round(100.0 * callgate_lost / expected, 4) if expected else None

    # who else used the CPU during the window: the top few processes that are not ours
    if len(window) >= 2:
        first, last, used = window[0].get("others", {}), window[-1].get("others", {}), {}
        for pid, (comm, ticks) in last.items():
            before = first.get(pid, [comm, 0])[1]
            if ticks > before:
                used[f"{comm}[{pid}]"] = round(100.0 * (ticks - before) / CLK_TCK / step["window_s"], 1)
        step["top_others"] = dict(sorted(used.items(), key=lambda kv: -kv[1])[:4])
    print(json.dumps(step, separators=(",", ":")))
    print(f"  {failed}/{created} failed ({fmt(step['failed_pct'], 2)} %), RTP loss {fmt(step['rtp_loss_pct'], 3)} %, "
          f"up to {step['callgate_calls_max']} calls at once, callgate CPU {fmt(step['cpu_callgate'])} %, "
          f"RSS {fmt(step['rss_callgate_peak_mb'], 0)} MB, SIPp CPU {fmt(step['cpu_uac'])} % + {fmt(step['cpu_uas'])} %, "
          f"other {fmt(step['cpu_other'])} %", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# report: markdown tables

def fmt(value, digits=1, suffix=""):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}{suffix}"
    return f"{value}{suffix}"


def ok_setup(s):
    """A setup-rate step passes with < 1 % failed calls, every call placed, the rate reached (5 %)."""
    return (s["failed_pct"] is not None and s["failed_pct"] < 1.0 and s["calls_created"] >= s["calls_offered"]
            and s["achieved_rate"] >= 0.95 * s["offered_rate"])


def callgate_loss_pct(s):
    """RTP loss in callgate: end-to-end loss minus the kernel's drops at the agent SIPps' sockets."""
    if s.get("rtp_callgate_loss_pct") is not None or not s.get("rtp_expected"):
        return s.get("rtp_callgate_loss_pct")
    return round(100.0 * max(0, s["rtp_lost"] - s["drops_uas"]) / s["rtp_expected"], 4)


def ok_conc(s):
    """A concurrency step passes with < 0.1 % RTP loss in callgate, < 1 % failed calls and at
    least 99 % of the N calls up at once (the calls that did not fail)."""
    loss = callgate_loss_pct(s)
    return (s["failed_pct"] is not None and s["failed_pct"] < 1.0 and loss is not None and loss < 0.1
            and (s["callgate_calls_max"] or 0) >= 0.99 * s["target_concurrent"])


def sustained(steps, key, ok):
    """The highest step that passed with every lower step passing too, and the steps that passed
    above a failed one (results that are not monotonic are worth a note)."""
    best, failed_below, lucky = None, False, []
    for s in sorted(steps, key=key):
        if ok(s) and not failed_below:
            best = s
        elif ok(s):
            lucky.append(s)
        else:
            failed_below = True
    return best, lucky


def resources_table(steps, first_header, first_value):
    """CPU (% of one core), memory, GC and kernel drops of each step."""
    out = [f"| {first_header} | callgate CPU % | of which SIP / media / GC / JIT | callgate RSS MB (peak) | "
           "GC pauses (n, max ms) | SIPp caller CPU % | SIPp agents CPU % | other CPU % | machine busy % | "
           "UDP drops: callgate / agent echo / caller sink |",
           "|" + "---|" * 10]
    for s in steps:
        parts = s.get("cpu_callgate_parts") or {}
        out.append("| " + " | ".join([
            first_value(s), fmt(s["cpu_callgate"]),
            " / ".join(fmt(parts.get(g)) for g in ("sip", "media", "gc", "jit")),
            fmt(s["rss_callgate_peak_mb"], 0), f"{s.get('gc_pauses', 0)}, {fmt(s.get('gc_pause_ms_max'), 0)}",
            fmt(s["cpu_uac"]), fmt(s["cpu_uas"]), fmt(s["cpu_other"]), fmt(s["cpu_machine"]),
            f"{s['drops_callgate']} / {s['drops_uas']} / {s['drops_uac']}"]) + " |")
    return out


def cmd_report(args):
    with open(os.path.join(args.run, "steps.jsonl")) as f:
        steps = [json.loads(line) for line in f if line.strip()]
    setup = [s for s in steps if s["kind"] == "setup"]
    conc = [s for s in steps if s["kind"] == "concurrent"]
    cores = steps[0]["cores"] if steps else os.cpu_count()
    out = []

    best_setup, lucky_setup = sustained(setup, lambda s: s["offered_rate"], ok_setup)
    best_conc, lucky_conc = sustained(conc, lambda s: s["target_concurrent"], ok_conc)
    out.append("### Headline\n")
    out.append("| figure | result | target | met |")
    out.append("|---|---|---|---|")
    out.append("| highest call setup rate with < 1 % failed calls | "
               + (f"{best_setup['offered_rate']:g} calls/s (achieved {best_setup['achieved_rate']:.0f}/s)"
                  if best_setup else "none of the steps passed")
               + f" | ≥ {args.target_rate:g} calls/s | "
               + ("yes" if best_setup and best_setup["offered_rate"] >= args.target_rate else "**no**") + " |")
    out.append("| highest concurrent relayed calls with < 0.1 % RTP loss | "
               + (f"{best_conc['target_concurrent']} calls (RTP loss in callgate {fmt(callgate_loss_pct(best_conc), 3)} %, "
                  f"end to end {fmt(best_conc['rtp_loss_pct'], 3)} %)" if best_conc else "none of the steps passed")
               + f" | ≥ {args.target_concurrent} calls | "
               + ("yes" if best_conc and best_conc["target_concurrent"] >= args.target_concurrent else "**no**") + " |")
    out.append("")
    out.append("Highest = the highest step that passed with every lower step passing too.")
    for s in lucky_setup + lucky_conc:
        out.append(f"A higher step passed after a lower one failed: {s['kind']} {s['name']}.")
    out.append("")

    if setup:
        out.append("### Call setup rate\n")
        out.append(f"{setup[0]['calls_offered'] // max(1, int(setup[0]['offered_rate']))} s of calls per step, "
                   f"each {setup[0]['talk_ms']} ms long with RTP both ways. Setup time = INVITE to 200 OK at the "
                   "caller. Pass = < 1 % failed calls and the offered rate reached within 5 %.\n")
        out.append("| offered /s | achieved /s | calls | failed | failed % | callgate CDR not 200/CALLER_HANGUP | "
                   "setup ms p50 / p99 / max | SIP retransmissions by the caller | calls up at once (max) | "
                   "RTP loss %: end to end / in callgate | pass |")
        out.append("|" + "---|" * 11)
        for s in setup:
            out.append("| " + " | ".join([
                fmt(s["offered_rate"], 0), fmt(s["achieved_rate"], 1), fmt(s["calls_created"]), fmt(s["failed"]),
                fmt(s["failed_pct"], 2), fmt(s["cdr_not_ok"]),
                f"{fmt(s.get('setup_ms_p50'), 0)} / {fmt(s.get('setup_ms_p99'), 0)} / {fmt(s.get('setup_ms_p100'), 0)}",
                fmt(s["sipp_retrans"]), fmt(s["callgate_calls_max"]),
                f"{fmt(s['rtp_loss_pct'], 3)} / {fmt(callgate_loss_pct(s), 3)}",
                "yes" if ok_setup(s) else "**no**"]) + " |")
        out.append("")
        out.append(f"Resources while calls were being placed (steady part of the step). CPU in % of one core "
                   f"({cores} cores = {100 * cores} %).\n")
        out.extend(resources_table(setup, "offered /s", lambda s: fmt(s["offered_rate"], 0)))
        out.append("")
    if conc:
        out.append("### Concurrent relayed calls\n")
        out.append(f"N calls placed at {conc[0]['offered_rate']:g}/s, each lasting the ramp plus the hold, so all N "
                   "are up together with RTP both ways (the plateau). Loss counts every packet of every call "
                   "of the step, both directions; \"at the agents\" is what the kernel dropped at the agent "
                   "SIPps' echo sockets, \"in callgate\" the rest. Pass = < 0.1 % RTP loss in callgate, "
                   "< 1 % failed calls and 99 % of N calls seen up at once.\n")
        out.append("| N | calls up at once in callgate (min–max on plateau) | failed % | plateau s | "
                   "RTP packets | lost (gaps + dropped) | of which at the agents | RTP loss % end to end | "
                   "RTP loss % in callgate | caller→agent loss % | agent→caller loss % | pass |")
        out.append("|" + "---|" * 12)
        for s in conc:
            r = s["rtp"]
            fwd = r["c_in"] + r["c_lost"]
            back = r["a_in"] + r["a_lost"]
            out.append("| " + " | ".join([
                fmt(s["target_concurrent"]), f"{s['callgate_calls_min']}–{s['callgate_calls_plateau_max']}",
                fmt(s["failed_pct"], 2), fmt(s["window_s"]), fmt(s["rtp_expected"]), fmt(s["rtp_lost"]),
                fmt(min(s["rtp_lost"], s["drops_uas"])), fmt(s["rtp_loss_pct"], 3), fmt(callgate_loss_pct(s), 3),
                fmt(100.0 * (r["c_lost"] + r["c_drop"]) / fwd if fwd else None, 3),
                fmt(100.0 * (r["a_lost"] + r["a_drop"]) / back if back else None, 3),
                "yes" if ok_conc(s) else "**no**"]) + " |")
        out.append("")
        out.append("Resources on the plateau (all N calls up).\n")
        out.extend(resources_table(conc, "N", lambda s: fmt(s["target_concurrent"])))
        out.append("")

    notes = []
    for s in steps:
        label = f"{s['kind']} {s['name']}"
        if s.get("callgate_health", "ok") != "ok":
            notes.append(f"- **{label}: afterwards callgate #{s['callgate_instance']} was broken "
                         f"({s['callgate_health']})**; the run started a fresh one for the next step")
        if s["kind"] == "warmup":
            continue
        if s["sipp_failure_kinds"]:
            notes.append(f"- {label}: SIPp caller failures by kind: {s['sipp_failure_kinds']}")
        odd = {k: v for k, v in s["cdr_reasons"].items() if k != "200 CALLER_HANGUP"}
        if odd:
            notes.append(f"- {label}: callgate CDRs other than `200 CALLER_HANGUP`: {odd}")
        if s.get("log_problems"):
            notes.append(f"- {label}: callgate log, warnings and errors (digits as #): "
                         + "; ".join(f"`{k}` × {v}" for k, v in s["log_problems"].items()))
        if s["cdrs"] != s["calls_created"]:
            notes.append(f"- {label}: {s['calls_created']} calls placed, {s['cdrs']} CDR lines from callgate")
        if s["rtp_unrelayed"]:
            notes.append(f"- {label}: {s['rtp_unrelayed']} RTP packets received by callgate but neither relayed "
                         "nor counted as dropped")
        if s["udp_sndbuf_errors"]:
            notes.append(f"- {label}: {s['udp_sndbuf_errors']} UDP send buffer errors (kernel)")
        if s["cpu_other"] is not None and s["cpu_other"] > 15:
            notes.append(f"- {label}: the rest of the machine (other processes, kernel) used {s['cpu_other']:.0f} % "
                         f"of a core; busiest other processes (% of a core): {s.get('top_others') or 'none seen'}")
        if "still" in s.get("quiet_wait", ""):
            notes.append(f"- {label}: started on a busy machine after waiting {s['quiet_wait']} s")
        if s["uac_exit"] not in (0, 1):
            notes.append(f"- {label}: the caller SIPp exited with status {s['uac_exit']}")
    if notes:
        out.append("### Notes\n")
        out.extend(notes)
        out.append("")
    print("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("alaw")
    p.add_argument("pcap")
    p.add_argument("out")
    p.set_defaults(func=cmd_alaw)

    p = sub.add_parser("ping")
    p.add_argument("--host", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--local-port", type=int, required=True)
    p.add_argument("--timeout", type=float, default=2.0)
    p.set_defaults(func=cmd_ping)

    p = sub.add_parser("sample")
    p.add_argument("--pids", required=True, help="file of 'label pid' lines, re-read every tick")
    p.add_argument("--out", required=True)
    p.add_argument("--interval", type=float, default=0.5)
    p.add_argument("--ranges", nargs="+", default=[], help="name=low-high UDP port ranges")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("wait-idle")
    p.add_argument("--range", required=True, help="low-high UDP ports")
    p.add_argument("--timeout", type=float, default=60)
    p.set_defaults(func=cmd_wait_idle)

    p = sub.add_parser("wait-quiet")
    p.add_argument("--pids", required=True)
    p.add_argument("--max-other", type=float, default=10.0, help="% of one core")
    p.add_argument("--window", type=float, default=2.0)
    p.add_argument("--timeout", type=float, default=60)
    p.set_defaults(func=cmd_wait_quiet)

    p = sub.add_parser("step")
    p.add_argument("--kind", choices=("setup", "concurrent", "warmup"), required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--samples", required=True)
    p.add_argument("--t0", type=float, required=True)
    p.add_argument("--t1", type=float, required=True)
    p.add_argument("--p0", type=float, default=0.0, help="plateau start (concurrency steps)")
    p.add_argument("--p1", type=float, default=0.0)
    p.add_argument("--rate", type=float, required=True)
    p.add_argument("--calls", type=int, required=True)
    p.add_argument("--talk-ms", type=int, required=True)
    p.add_argument("--concurrent", type=int, default=0)
    p.add_argument("--uac-pid", type=int, required=True)
    p.add_argument("--uac-stat", required=True)
    p.add_argument("--uac-rtt", required=True, help="SIPp -trace_rtt file")
    p.add_argument("--uac-exit", type=int, required=True)
    p.add_argument("--cdr", required=True)
    p.add_argument("--gc-log", default="", help="callgate's -Xlog:gc file, with timemillis decoration")
    p.add_argument("--quiet-wait", default="", help="what wait-quiet printed before the step")
    p.add_argument("--callgate-instance", type=int, default=1)
    p.add_argument("--callgate-health", default="ok", help="did callgate answer OPTIONS after the step")
    p.set_defaults(func=cmd_step)

    p = sub.add_parser("report")
    p.add_argument("run")
    p.add_argument("--target-rate", type=float, default=300)
    p.add_argument("--target-concurrent", type=int, default=500)
    p.set_defaults(func=cmd_report)

    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
