#!/usr/bin/env python3
"""Summaries for bench/upload-profile.

    upload_profile_summary.py DIR BYTES          one upload's summary.md (Markdown) from the files in DIR
    upload_profile_summary.py --table OUT BYTES  one line per OUT/upload-K, to compare slow and fast uploads
"""
import collections
import json
import os
import re
import subprocess
import sys


def window(d):
    t0, t1, l0, l1 = open(os.path.join(d, "window")).read().split()
    return float(t0), float(t1), l0, l1


def client(d):
    """/usr/bin/time -f '%e %U %S %w %c': elapsed, user, sys, voluntary waits, involuntary switches."""
    lines = [l for l in open(os.path.join(d, "client.time")) if re.match(r"^[0-9.]+ ", l)]
    e, u, s, w, c = lines[-1].split()
    return {"elapsed": float(e), "user": float(u), "sys": float(s), "waits": int(w), "preempted": int(c)}


def threads(d, wall):
    """Per-thread deltas of schedstat (ns on CPU, ns runnable waiting for a CPU, slices) and context switches."""
    def read(name):
        rows = {}
        for line in open(os.path.join(d, name)):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 7 and f[2]:
                rows[f[0]] = (f[1], int(f[2]), int(f[3]), int(f[4]), int(f[5] or 0), int(f[6] or 0))
        return rows
    before, after = read("threads.before"), read("threads.after")
    out = []
    for tid, (name, cpu, delay, slices, vol, invol) in after.items():
        b = before.get(tid, (name, 0, 0, 0, 0, 0))
        on, wait = (cpu - b[1]) / 1e6, (delay - b[2]) / 1e6
        off = wall * 1000 - on - wait if tid in before else None
        out.append({"name": name, "on": on, "delay": wait, "off": off, "slices": slices - b[3],
                    "vol": vol - b[4], "invol": invol - b[5]})
    return sorted(out, key=lambda t: -t["on"])


def gc(d):
    pauses, safepoints = [], []
    for line in open(os.path.join(d, "gc.log")):
        m = re.search(r"Pause.* ([0-9.]+)ms$", line.strip())
        if m:
            pauses.append(float(m.group(1)))
        m = re.search(r"Safepoint .*Total: ([0-9]+) ns", line)
        if m:
            safepoints.append(int(m.group(1)) / 1e6)
    return pauses, safepoints


def seconds(v):
    """A JFR duration in its JSON form ('PT0.0123S', 'PT1M2S', or a number of nanoseconds)."""
    if isinstance(v, (int, float)):
        return v / 1e9
    m = re.match(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([0-9.]+)S)?", str(v))
    if not m:
        return 0.0
    h, mi, s = m.groups()
    return int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)


def jfr(d):
    path = os.path.join(d, "upload.jfr")
    if not os.path.exists(path):
        return None
    text = subprocess.run(["jfr", "print", "--json", "--events",
                           "jdk.ExecutionSample,jdk.NativeMethodSample,jdk.GarbageCollection,jdk.ThreadPark", path],
                          capture_output=True, text=True, check=False).stdout
    try:
        events = json.loads(text)["recording"]["events"]
    except (ValueError, KeyError):
        return None
    top = {"jdk.ExecutionSample": collections.Counter(), "jdk.NativeMethodSample": collections.Counter()}
    parks, gcs = collections.Counter(), []
    for e in events:
        kind, v = e.get("type"), e.get("values", {})
        if kind in top:
            frames = (v.get("stackTrace") or {}).get("frames") or []
            thread = (v.get("sampledThread") or {}).get("javaName") or "?"
            if frames:
                m = frames[0]["method"]
                top[kind][f"{m['type']['name']}.{m['name']} [{re.sub(r'-[0-9]+$', '-*', thread)}]"] += 1
        elif kind == "jdk.ThreadPark":
            thread = (v.get("eventThread") or {}).get("javaName") or "?"
            parks[re.sub(r"-[0-9]+$", "-*", thread)] += seconds(v.get("duration", 0))
        elif kind == "jdk.GarbageCollection":
            gcs.append(seconds(v.get("sumOfPauses", v.get("duration", 0))))
    return top, parks, gcs


def tail(d):
    """From the client's strace: 150 (transfer starts), the last close before 226, and the 226."""
    path = os.path.join(d, "client.strace")
    if not os.path.exists(path):
        return None
    started = closed = done = None
    for line in open(path):
        m = re.match(r"^\d+\s+([0-9.]+) (\w+)\((.*)", line)
        if not m:
            continue
        t, call, rest = float(m.group(1)), m.group(2), m.group(3)
        if call == "recvfrom" and '"150' in rest and started is None:
            started = t
        elif call in ("close", "shutdown") and rest.rstrip().endswith("= 0") and started is not None and done is None:
            closed = t
        elif call == "recvfrom" and '"226' in rest:
            done = t
    return started, closed, done


def one(d, nbytes):
    t0, t1, l0, l1 = window(d)
    wall = t1 - t0
    c = client(d)
    ts = threads(d, wall)
    pauses, safepoints = gc(d)
    p = [f"# Upload profile: {os.path.basename(d)}", "",
         f"wall {wall:.3f} s ({nbytes / wall / 1e6:.0f} MB/s), load average {l0} -> {l1}", "",
         f"client: {c['user']:.2f} s user, {c['sys']:.2f} s system, {c['waits']} voluntary waits, "
         f"{c['preempted']} times preempted", ""]
    tl = tail(d)
    if tl and all(tl):
        s, cl, dn = tl
        p += [f"client's control conversation: 150 at +{s - t0:.3f} s; data closed at +{cl - t0:.3f} s; "
              f"226 at +{dn - t0:.3f} s: **server tail {1000 * (dn - cl):.1f} ms** (verdict, commit, reply)", ""]
    p += ["## Server threads during the upload (schedstat, /proc/PID/task/*/status)", "",
          "on CPU: running; run delay: runnable but waiting for a CPU (contention); off CPU: blocked (the rest of the wall time)", "",
          "| thread | on CPU ms | run delay ms | off CPU ms | slices | voluntary cs | involuntary cs |", "|---|---|---|---|---|---|---|"]
    for t in ts:
        if t["on"] >= 1 or t["delay"] >= 1:
            off = f"{t['off']:.0f}" if t["off"] is not None else "(new)"
            p.append(f"| {t['name']} | {t['on']:.1f} | {t['delay']:.1f} | {off} | {t['slices']} | {t['vol']} | {t['invol']} |")
    p.append(f"| **all** | {sum(t['on'] for t in ts):.1f} | {sum(t['delay'] for t in ts):.1f} | | "
             f"{sum(t['slices'] for t in ts)} | {sum(t['vol'] for t in ts)} | {sum(t['invol'] for t in ts)} |")
    p += ["", f"## GC and safepoints (gc.log during the upload)", "",
          f"{len(pauses)} GC pauses, {sum(pauses):.1f} ms in all; {len(safepoints)} safepoints, {sum(safepoints):.1f} ms in all", ""]
    j = jfr(d)
    if j:
        top, parks, gcs = j
        for kind, label in (("jdk.ExecutionSample", "Java code on CPU"), ("jdk.NativeMethodSample", "threads in native code (system calls, epoll waits)")):
            p += [f"## JFR {kind}: top frames ({label})", "", "| samples | top frame [thread] |", "|---|---|"]
            p += [f"| {n} | `{f}` |" for f, n in top[kind].most_common(12)]
            p.append("")
        p += ["## JFR jdk.ThreadPark: time parked per thread group (parks over the profile's threshold that ended during the recording; an idle pool thread's park may have begun long before)", ""]
        p += [f"- {t}: {s * 1000:.1f} ms" for t, s in parks.most_common(8)] or ["- none"]
        p += ["", f"JFR jdk.GarbageCollection: {len(gcs)} collections, {sum(gcs) * 1000:.1f} ms of pauses", ""]
    perf = os.path.join(d, "perf.txt")
    if os.path.exists(perf):
        lines = [l.rstrip() for l in open(perf) if l.strip() and not l.startswith("#")]
        p += ["## perf (cpu-clock samples of the server, by thread, object and symbol; >= 1%)", "", "```"] + lines[:25] + ["```", ""]
    return "\n".join(p)


def table(out, nbytes):
    dirs = sorted((d for d in os.listdir(out) if d.startswith("upload-")), key=lambda d: int(d.split("-")[1]))
    print("| upload | wall s | MB/s | load | client CPU s | server on CPU ms | server run delay ms | "
          "event loops on / delay ms | GC pauses ms | server tail ms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in dirs:
        d = os.path.join(out, name)
        t0, t1, l0, l1 = window(d)
        wall = t1 - t0
        c = client(d)
        ts = threads(d, wall)
        loops = [t for t in ts if t["name"].startswith("wharf-net")]
        pauses, _ = gc(d)
        tl = tail(d)
        tail_ms = f"{1000 * (tl[2] - tl[1]):.1f}" if tl and all(tl) else "-"
        print(f"| {name} | {wall:.3f} | {nbytes / wall / 1e6:.0f} | {l0}-{l1} | {c['user'] + c['sys']:.2f} "
              f"| {sum(t['on'] for t in ts):.0f} | {sum(t['delay'] for t in ts):.0f} "
              f"| {sum(t['on'] for t in loops):.0f} / {sum(t['delay'] for t in loops):.0f} | {sum(pauses):.1f} | {tail_ms} |")
    print()
    print("Per upload: upload-K/summary.md (threads, GC, JFR top frames, perf); raw: upload.jfr, perf.data, gc.log, threads.*")


if __name__ == "__main__":
    if sys.argv[1] == "--table":
        table(sys.argv[2], int(sys.argv[3]))
    else:
        print(one(sys.argv[1], int(sys.argv[2])))
