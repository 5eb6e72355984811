#!/usr/bin/env python3
"""The benchmark's table (issue #8): Gatling's stats.json (the application) beside the pgbench
logs (the floor: the same SQL straight on PostgreSQL) of one bench/run, with the goals of the
issue. Prints the table; with --write, replaces the latest-run section of docs/benchmarks.md."""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import subprocess

ap = argparse.ArgumentParser()
for a in ["out", "size", "customers", "users", "mixed-users", "seconds", "generate-seconds", "grading-app", "grading-floor",
          "graded", "load-start", "load-end", "page", "write", "warmup", "wrk-mixed", "wrk-cpu", "vacuums"]:
    ap.add_argument("--" + a, default="")
args = ap.parse_args()
secs = float(args.seconds)

# name in the table, Gatling request (or group) name, floor log prefix, goal text, concurrency
ROWS = [
    ("customer list, admin", "list page 1 (admin)", "list-admin", "p95 ≤ 50 ms", args.users),
    ("customer list, director", "list page 1 (director)", "list-director", "p95 ≤ 50 ms", args.users),
    ("customer list, salesperson", "list page 1 (salesperson)", "list-salesperson", "p95 ≤ 50 ms, ≤ 1.5× admin", args.users),
    ("list page %s via cursor" % args.page, "list page 10000 (admin)", "page-10000", "p95 ≤ 1.5× page 1", args.users),
    ("name search, 1 character", "search 1 char (admin)", "search-1", "p95 ≤ 100 ms", args.users),
    ("name search, 2 characters", "search 2 chars (admin)", "search-2", "p95 ≤ 100 ms", args.users),
    ("customer detail", "customer detail (admin)", "detail", "p95 ≤ 30 ms", args.users),
    ("aging today, company-wide", "aging today (finance)", "aging-today", "≤ 2 s", "1"),
    ("aging past date, company-wide", "aging past date (finance)", "aging-past", "≤ 2 s", "1"),
    ("mixed workload 80/20, Gatling", "mixed workload", "mixed-gatling", "reported (Gatling on the same 2 cores)", args.mixed_users),
    ("mixed workload 80/20, wrk", "wrk", "mixed", "≥ 1,000 req/s, no errors", args.mixed_users),
]


def wrk_mixed():
    """bench/mixed.lua's done() line, in Gatling's shape; None when wrk did not run."""
    m = re.search(r"requests (\d+), ([\d.]+) req/s, errors (\d+) .*p50 ([\d.]+) ms, p95 ([\d.]+) ms, p99 ([\d.]+) ms", args.wrk_mixed)
    if not m:
        return None
    n, rate, ko, p50, p95, p99 = m.groups()
    return {"percentiles1": {"total": p50}, "percentiles3": {"total": p95}, "percentiles4": {"total": p99},
            "numberOfRequests": {"total": n, "ko": ko}, "rate": float(rate)}


def gatling():
    # js/stats.js of the HTML report: a JavaScript object literal (unquoted keys, numbers as strings)
    with open(os.path.join(args.out, "gatling-stats.js")) as f:
        t = f.read()
    obj = t[t.index("var stats = ") + len("var stats = "):t.index("function fillStats")].strip().rstrip(";")
    obj = re.sub(r"(?m)^(\s*)([A-Za-z_]\w*)\s*:", r'\1"\2":', obj)
    stats = json.loads(re.sub(r",(\s*[}\]])", r"\1", obj))
    found = {}

    def walk(node):
        for v in node.get("contents", {}).values():
            s = v.get("stats", {})
            found[s.get("name")] = s
            walk(v)

    walk(stats)
    return found


def floor(prefix):
    times = []
    for path in glob.glob(os.path.join(args.out, "floor", prefix + ".*")):
        if path.endswith(".out"):
            continue
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[2].isdigit():
                    times.append(int(parts[2]) / 1000.0)
    times.sort()
    if not times:
        return None

    def pct(p):
        return times[min(len(times) - 1, int(round(p / 100.0 * len(times) + 0.5)) - 1)]

    return {"p50": pct(50), "p95": pct(95), "p99": pct(99), "rate": len(times) / secs, "n": len(times)}


def ms(v):
    return "—" if v is None else ("%.1f" % v if v < 100 else "%.0f" % v)


g = gatling()
wrk = wrk_mixed()
if wrk:
    g["wrk"] = wrk
lines = []
lines.append("| what | users | app p50 / p95 / p99 ms | app req/s | errors | floor p50 / p95 / p99 ms | floor tx/s | app/floor p95 | goal | met |")
lines.append("|---|---|---|---|---|---|---|---|---|---|")
results = {}
for title, req, pre, goal, users in ROWS:
    s = g.get(req)
    fl = floor("mixed" if pre == "mixed-gatling" else pre)
    if s is None:
        lines.append("| %s | %s | not run | | | | | | %s | |" % (title, users, goal))
        continue
    a = {"p50": float(s["percentiles1"]["total"]), "p95": float(s["percentiles3"]["total"]),
         "p99": float(s["percentiles4"]["total"]), "n": int(s["numberOfRequests"]["total"]), "ko": int(s["numberOfRequests"]["ko"])}
    a["rate"] = s.get("rate", a["n"] / secs)
    results[pre] = (a, fl)
    ratio = "—" if not fl or fl["p95"] <= 0 else "%.1f×" % (a["p95"] / fl["p95"])
    lines.append("| %s | %s | %s / %s / %s | %.0f | %d | %s | %s | %s | %s | %%(%s)s |" % (
        title, users, ms(a["p50"]), ms(a["p95"]), ms(a["p99"]), a["rate"], a["ko"],
        "—" if not fl else "%s / %s / %s" % (ms(fl["p50"]), ms(fl["p95"]), ms(fl["p99"])),
        "—" if not fl else "%.0f" % fl["rate"], ratio, goal, pre))


def met(pre):
    if pre not in results:
        return "—"
    a = results[pre][0]
    p95 = a["p95"]
    admin = results.get("list-admin", ({"p95": None},))[0]["p95"]
    ok = {
        "list-admin": p95 <= 50,
        "list-director": p95 <= 50,
        "list-salesperson": p95 <= 50 and admin is not None and p95 <= 1.5 * max(admin, 1),
        "page-10000": admin is not None and p95 <= 1.5 * max(admin, 1),
        "search-1": p95 <= 100,
        "search-2": p95 <= 100,
        "detail": p95 <= 30,
        "aging-today": a["p99"] <= 2000,
        "aging-past": a["p99"] <= 2000,
        "mixed": a["rate"] >= 1000 and a["ko"] == 0,
    }.get(pre)
    if ok is None:
        return "—"
    return "yes" if ok else "**no**"


table = "\n".join(lines) % {pre: met(pre) for _, _, pre, _, _ in ROWS}
grading = ""
if args.grading_app:
    app_s = float(args.grading_app)
    fl_s = float(args.grading_floor)
    ok = app_s <= 120 and app_s <= 2 * fl_s
    grading = "\n\n| what | app | floor | app/floor | goal | met |\n|---|---|---|---|---|---|\n" + \
              "| grading run, %s customers | %.1f s | %.1f s | %.1f× | ≤ 120 s and ≤ 2× floor | %s |" % (
                  args.graded, app_s, fl_s, app_s / max(fl_s, 0.001), "yes" if ok else "**no**")

twice = ("- The mixed workload runs twice: in Gatling, right after the warm-up, and in wrk (`bench/mixed.lua`, the same requests and "
         "shares, %s connections, after the other scenarios and 30 s of itself not reported). Gatling spends about as much CPU per request as the application's "
         "web layer on the same two cores; the floor's pgbench and wrk are C programs. The goal is judged on the wrk run.\n"
         % args.mixed_users) if wrk else "- wrk was not installed: the mixed workload ran in Gatling only, and the goal is not judged.\n"
cpu_split = ""
if args.wrk_cpu and wrk:
    app_t, pg_t, wrk_t, all_t = (int(x) for x in args.wrk_cpu.split())
    n = int(wrk["numberOfRequests"]["total"])
    per = lambda t: "%.2f" % (t * 10.0 / n)  # ticks of 10 ms → CPU ms per request
    cpu_split = ("- CPU per request in the wrk run (ms): application %s, PostgreSQL %s, wrk %s, the whole machine %s "
                 "(the rest: the kernel's network work and other processes).\n") % (per(app_t), per(pg_t), per(wrk_t), per(all_t))
vacuum = ""
if args.vacuums not in ("", None):
    vacuum = ("- Autovacuum is off on this PostgreSQL server; bench/run vacuumed by autovacuum's rule once a minute "
              "(%s table vacuums in the run).\n") % args.vacuums.strip()

heap = "no OutOfMemoryError in the application log"
with open(os.path.join(args.out, "app.log"), errors="replace") as f:
    if "OutOfMemoryError" in f.read():
        heap = "**OutOfMemoryError in the application log**"


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"


cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
machine = "%s cores (%s), %s GB RAM, %s; %s; %s" % (
    os.cpu_count(), cpu, sh("free -g | awk '/Mem:/{print $2}'"), platform.platform(),
    sh("psql -d postgres -qAtX -c 'SHOW server_version'").join(["PostgreSQL ", " on loopback"]), sh("java -version 2>&1 | head -1"))
now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
commit = sh("git rev-parse --short HEAD") or "?"
if sh("git status --porcelain --untracked-files=no -- . ':!docs'"):
    commit += " with uncommitted changes"
section = """<!-- latest-run:%(size)s -->
### %(size)s customers — %(now)s, at %(commit)s

- Machine: %(machine)s.
- Load average (1/5/15 min) at start %(ls)s, at end %(le)s: %(busy)s
- Data: generated or reused in %(gen)s s (`bench/run --size %(size)s`); %(customers)s customers.
%(warm)s- Each scenario alone for %(secs)s s, closed model; the floor is pgbench `-M prepared` of the same SQL with the same number of clients.
- Heap: application run with `-Xmx1g`: %(heap)s.
%(twice)s%(cpusplit)s%(vacuum)s
%(table)s%(grading)s
<!-- /latest-run:%(size)s -->
""" % {"size": args.size, "now": now, "commit": commit, "machine": machine, "ls": args.load_start, "le": args.load_end,
       "busy": "the machine was shared with other work, absolute figures are pessimistic; the app/floor ratio was taken in the same minutes."
       if float(args.load_start.split()[0] or 0) > 1.5 else "the machine was otherwise idle.",
       "gen": args.generate_seconds, "customers": args.customers,
       "warm": ("- Warm-up: the mixed workload for %s s before the scenarios, not reported.\n" % args.warmup) if args.warmup not in ("", "0") else "", "secs": args.seconds, "heap": heap, "twice": twice, "cpusplit": cpu_split, "vacuum": vacuum, "table": table, "grading": grading}
print(section)
if args.write:
    path = args.write
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n## Latest runs\n\n"
    pattern = re.compile(r"<!-- latest-run:%s -->.*?<!-- /latest-run:%s -->\n" % (re.escape(args.size), re.escape(args.size)), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda m: section, text)
    else:
        marker = "## Latest runs\n\n"
        i = text.find(marker)
        text = text + "\n" + section if i < 0 else text[:i + len(marker)] + section + "\n" + text[i + len(marker):]
    with open(path, "w") as f:
        f.write(text)
    print("written to " + path)
