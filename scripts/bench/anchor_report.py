#!/usr/bin/env python3
"""The report of scripts/bench-calls --anchor: callgate beside Kamailio + rtpengine, same steps.

  anchor_report.py RUN_DIR

Reads the two harness copies of the run (RUN_DIR/kamailio, RUN_DIR/callgate: their results/ lines
and run/ SIPp CSVs), callgate's CDR files and the metadata JSON of its stored recordings, and
prints markdown: the harness's own comparison (compare.sh), then per step the figures issue 19's
acceptance is read from. A missing side prints as "-". Only the standard library.
"""

import csv
import glob
import json
import os
import re
import subprocess
import sys

P99_LIMIT_MS = 200
# SIPp's ResponseTimeRepartition buckets of the harness's scenarios, as upper bounds in ms.
BUCKET_MS = {"<10": 10, "<20": 20, "<30": 30, "<40": 40, "<50": 50, "<100": 100, "<150": 150,
             "<200": 200, "<500": 500, "<1000": 1000, ">=1000": float("inf")}


def lines(path, key):
    """{step: {field: value}} from a harness summary file (results/<label>/*.txt)."""
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path):
        if line.startswith("#") or "=" not in line:
            continue
        fields = dict(t.split("=", 1) for t in line.split() if "=" in t)
        for name in list(fields):
            if name.startswith("cpu_pct"):
                cols = name[name.index("(") + 1:-1].split(",")
                fields.update(zip(("cpu." + c for c in cols), fields[name].split(",")))
        out[int(fields[key])] = fields
    return out


def p99_bound(csv_path):
    """Upper bound (ms) of the INVITE->200 bucket holding the 99th percentile, None if unknown."""
    if not os.path.exists(csv_path):
        return None
    rows = list(csv.DictReader(open(csv_path), delimiter=";"))
    if not rows:
        return None
    last = rows[-1]
    buckets = [(BUCKET_MS[k.split("_", 1)[1]], int(last[k]))
               for k in last if k.startswith("ResponseTimeRepartition1_") and k.split("_", 1)[1] in BUCKET_MS]
    total = sum(n for _, n in buckets)
    if total == 0:
        return None
    seen = 0
    for bound, n in sorted(buckets):
        seen += n
        if seen >= 0.99 * total:
            return bound
    return None


def target_cpu(fields):
    """The system under test's CPU, % of one core: Kamailio + rtpengine, or callgate."""
    if "cpu.kam" in fields:
        return int(fields["cpu.kam"]) + int(fields["cpu.rtpe"])
    return int(fields["cpu.target"]) if "cpu.target" in fields else None


def fmt(v, pattern="%s"):
    return "-" if v is None else pattern % v


def short_table(run):
    sides = {}
    for side in ("kamailio", "callgate"):
        steps = lines(f"{run}/{side}/results/{side}/short-calls.txt", "target_cps")
        for rate, f in steps.items():
            f["p99"] = p99_bound(f"{run}/{side}/run/short-{rate}.csv")
            achieved = float(f["achieved_cps"]) if f.get("achieved_cps", "n/a") != "n/a" else None
            cpu = target_cpu(f)
            # % of a core / calls per second = ms of CPU per call / 10
            f["ms_per_call"] = cpu * 10.0 / achieved if cpu is not None and achieved else None
            f["passes"] = float(f["fail_pct"]) < 1.0 and f["p99"] is not None and f["p99"] <= P99_LIMIT_MS
        sides[side] = steps
    rates = sorted(set(sides["kamailio"]) | set(sides["callgate"]))
    print("\n## Short calls, every call recorded\n")
    print("Pass: < 1 %% failed and INVITE->200 p99 <= %d ms. p99 is the upper bound of SIPp's bucket "
          "holding it. CPU: %% of one core (anchor: Kamailio + rtpengine); ms of CPU per answered call.\n"
          % P99_LIMIT_MS)
    print("| calls/s | anchor failed % | anchor p99 <= ms | anchor CPU % | anchor ms/call "
          "| callgate failed % | callgate p99 <= ms | callgate CPU % | callgate ms/call | callgate RSS MB "
          "| CPU per call, callgate / anchor |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for rate in rates:
        a, c = sides["kamailio"].get(rate, {}), sides["callgate"].get(rate, {})
        ratio = (c["ms_per_call"] / a["ms_per_call"]
                 if c.get("ms_per_call") and a.get("ms_per_call") else None)
        print("| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            rate, a.get("fail_pct", "-"), fmt(a.get("p99")), fmt(target_cpu(a) if a else None),
            fmt(a.get("ms_per_call"), "%.2f"), c.get("fail_pct", "-"), fmt(c.get("p99")),
            fmt(target_cpu(c) if c else None), fmt(c.get("ms_per_call"), "%.2f"), rss_mb(c),
            fmt(ratio, "%.2f")))
    best = {s: max((r for r, f in sides[s].items() if f["passes"]), default=None) for s in sides}
    print("\nHighest passing rate: anchor %s, callgate %s; callgate / anchor = %s (target >= 0.75)." % (
        fmt(best["kamailio"]), fmt(best["callgate"]),
        fmt(best["callgate"] / best["kamailio"] if best["kamailio"] and best["callgate"] else None, "%.2f")))
    a, c = sides["kamailio"].get(200, {}), sides["callgate"].get(200, {})
    if a.get("ms_per_call") and c.get("ms_per_call"):
        print("CPU per call at 200 calls/s: callgate / anchor = %.2f (target <= 1.5)."
              % (c["ms_per_call"] / a["ms_per_call"]))


def rss_mb(fields):
    rss = fields.get("target_rss_kb(now,peak)")
    return "%d / %d" % tuple(int(v) // 1024 for v in rss.split(",")) if rss else "-"


def media_table(run):
    a_steps = lines(f"{run}/kamailio/results/kamailio/media-calls.txt", "concurrent")
    c_steps = lines(f"{run}/callgate/results/callgate/media-calls.txt", "concurrent")
    if not a_steps and not c_steps:
        return
    print("\n## Concurrent recorded media calls (~21 s of G.711 each way, one RFC 2833 digit)\n")
    print("CPU on the plateau, % of one core; per call in % of a core. The target: callgate's CPU per "
          "call <= 1.0 x rtpengine's.\n")
    print("| calls | anchor failed % | rtpengine CPU % | Kamailio CPU % | callgate failed % | callgate CPU % "
          "| callgate / rtpengine per call | callgate recordings | callgate RSS MB (now / peak) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in sorted(set(a_steps) | set(c_steps)):
        a, c = a_steps.get(n, {}), c_steps.get(n, {})
        rtpe = int(a["cpu.rtpe"]) if "cpu.rtpe" in a else None
        cg = int(c["cpu.target"]) if "cpu.target" in c else None
        print("| %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            n, a.get("fail_pct", "-"), fmt(rtpe), a.get("cpu.kam", "-"), c.get("fail_pct", "-"), fmt(cg),
            fmt(cg / rtpe if cg is not None and rtpe else None, "%.2f"), c.get("rec(count)", "-"), rss_mb(c)))


CDR = re.compile(r"\bcall ([0-9a-f]+) .*?\btalk=(\d+)ms")


def completeness(run):
    """Each stored recording's audio length against its call's talk time in the CDR."""
    talk = {}
    for path in glob.glob(f"{run}/cdr/*.log"):
        for line in open(path, errors="replace"):
            m = CDR.search(line)
            if m:
                talk[m.group(1)] = int(m.group(2))
    rows = []
    for path in glob.glob(f"{run}/store/**/*.json", recursive=True):
        try:
            meta = json.load(open(path))
        except (ValueError, OSError):
            continue
        if "durationMillis" in meta and meta.get("callId") in talk:
            rows.append((talk[meta["callId"]], meta["durationMillis"], bool(meta.get("incomplete"))))
    if not rows:
        return
    print("\n## Recordings against their calls (callgate)\n")
    print("| calls | recordings matched to a CDR | within 100 ms of the talk time | marked incomplete "
          "| worst difference ms |")
    print("|---|---|---|---|---|")
    for name, keep in (("media (talk > 5 s)", lambda t: t > 5000), ("short (talk <= 5 s)", lambda t: t <= 5000)):
        sel = [r for r in rows if keep(r[0])]
        if sel:
            worst = max(abs(t - d) for t, d, _ in sel)
            print("| %s | %d | %d | %d | %d |" % (name, len(sel), sum(abs(t - d) <= 100 for t, d, _ in sel),
                                                  sum(i for _, _, i in sel), worst))


def spool(run):
    """Recordings still in callgate's spool when each step ended, and once the uploads caught up."""
    path = f"{run}/spool.txt"
    if not os.path.exists(path):
        return
    print("\n## The spool after each step (recordings not yet stored)\n")
    print("| step | when the step ended | after the wait (seconds waited) |")
    print("|---|---|---|")
    for line in open(path):
        parts = line.split()
        if len(parts) == 3:
            after_key, after = parts[2].split("=")
            print("| %s | %s | %s (%s) |" % (parts[0], parts[1].split("=")[1], after,
                                              after_key.removeprefix("spool_after_")))


def main():
    run = sys.argv[1]
    print(open(f"{run}/machine.txt").read().rstrip())
    compare = f"{run}/callgate/compare.sh"
    a, b = f"{run}/kamailio/results/kamailio", f"{run}/callgate/results/callgate"
    if os.path.exists(compare) and os.path.isdir(a) and os.path.isdir(b):
        print("\n## The harness's comparison (A = Kamailio + rtpengine, B = callgate)\n\n```")
        sys.stdout.flush()
        subprocess.run([compare, a, b], check=False)
        print("```")
    short_table(run)
    media_table(run)
    completeness(run)
    spool(run)


if __name__ == "__main__":
    main()
