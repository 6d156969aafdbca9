#!/usr/bin/env python3
"""Turns the benchmark's raw figures into target/bench/results.json (the agreed shape) and results.md."""
import json
import sys
from pathlib import Path

out = Path(sys.argv[1])
mode = sys.argv[2]
app = json.loads((out / "app-results.json").read_text())
startup = json.loads((out / "startup.json").read_text())

results = {
    "intake": {k: app["intake"][k] for k in ("reportsPerSec", "p50Ms", "p99Ms", "baselineEngineStartsPerSec")},
    "inbox": {k: app["inbox"][k] for k in ("cases", "p50Ms", "p99Ms", "baselineCamundaQueryP99Ms")},
    "caseFile": {"p99Ms": app["caseFile"]["p99Ms"]},
    "timeline": {"p99Ms": app["timeline"]["p99Ms"]},
    "overdue": {"p99Ms": app["overdue"]["p99Ms"]},
    "search": {k: app["search"][k] for k in ("p50Ms", "p95Ms", "p99Ms", "baselineIlikeP50Ms", "baselineIlikeP95Ms",
                                               "baselineIlikeP99Ms")},
    "notifications": {k: app["notifications"][k] for k in ("messagesWrittenPerSec", "messagesDispatchedPerSec",
                                                             "baselineDirectSendPerSec")},
    "periodicReport": {k: app["periodicReport"][k] for k in ("provinceP99Ms", "baselineNaiveProvinceP99Ms",
                                                               "nationalP99Ms", "baselineNaiveNationalP99Ms")},
    "memory": {k: app["memory"][k] for k in ("heapUsedMb", "rssMb")},
    "database": {"mbPer100kCases": app["database"]["mbPer100kCases"]},
    "startup": {"seconds": min(startup["runs"]), "baselineSeconds": min(startup["baselineRuns"])},
    "detail": {"mode": mode, "machine": app["machine"], "intake": app["intake"]["detail"],
               "inbox": app["inbox"]["detail"], "database": app["database"], "startupRuns": startup,
               "caseFile": app["caseFile"], "timeline": app["timeline"], "overdue": app["overdue"],
               "search": app["search"]["detail"], "notifications": app["notifications"],
               "periodicReport": app["periodicReport"],
               "memoryNote": app["memory"]["note"]},
}
(out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")

r = results
ratio_intake = r["intake"]["reportsPerSec"] / max(r["intake"]["baselineEngineStartsPerSec"], 0.001)
ratio_inbox = r["inbox"]["baselineCamundaQueryP99Ms"] / max(r["inbox"]["p99Ms"], 0.001)
ratio_search = r["search"]["baselineIlikeP99Ms"] / max(r["search"]["p99Ms"], 0.001)
n = app["notifications"]
ratio_dispatch = n["messagesDispatchedPerSec"] / max(n["baselineDirectSendPerSec"], 0.001)
ratio_start = r["startup"]["seconds"] / max(r["startup"]["baselineSeconds"], 0.001)
m = app["machine"]


def verdict(ok):
    return "met" if ok else "**missed**"


rows = [
    ("Intake (2 clients, both rounds), reports/s", r["intake"]["reportsPerSec"],
     f'{ratio_intake:.2f} × raw engine starts ({r["intake"]["baselineEngineStartsPerSec"]}/s)', "≥ 0.5 ×", verdict(ratio_intake >= 0.5)),
    ("Intake p50 / p99, ms", f'{r["intake"]["p50Ms"]} / {r["intake"]["p99Ms"]}', "", "", ""),
    (f'Inbox p99, ms ({r["inbox"]["cases"]:,} cases)', r["inbox"]["p99Ms"],
     f'{ratio_inbox:.1f} × faster than Camunda query ({r["inbox"]["baselineCamundaQueryP99Ms"]} ms)', "≤ 20 ms, ≥ 10 ×",
     verdict(r["inbox"]["p99Ms"] <= 20 and ratio_inbox >= 10)),
    ("Inbox read model alone p99, ms (in-process, as the engine query)", app["inbox"]["detail"]["readModelInProcessP99Ms"],
     f'{r["inbox"]["baselineCamundaQueryP99Ms"] / max(app["inbox"]["detail"]["readModelInProcessP99Ms"], 0.001):.1f} × faster than the Camunda query',
     "", ""),
    ("Inbox over HTTP against the engine's REST task query, p99 ms", r["inbox"]["p99Ms"],
     f'{app["inbox"]["detail"]["camundaRestP99Ms"] / max(r["inbox"]["p99Ms"], 0.001):.1f} × faster than GET /engine-rest/task ({app["inbox"]["detail"]["camundaRestP99Ms"]} ms)',
     "", ""),
    ("Case file p99, ms", r["caseFile"]["p99Ms"], "", "≤ 50 ms", verdict(r["caseFile"]["p99Ms"] <= 50)),
    ("Timeline p99, ms", r["timeline"]["p99Ms"], "", "≤ 50 ms", verdict(r["timeline"]["p99Ms"] <= 50)),
    ("Overdue view p99, ms", r["overdue"]["p99Ms"], "", "≤ 50 ms", verdict(r["overdue"]["p99Ms"] <= 50)),
    ("Name search of a province supervisor p50 / p95 / p99, ms (the register, in-process)",
     f'{r["search"]["p50Ms"]} / {r["search"]["p95Ms"]} / {r["search"]["p99Ms"]}',
     f'plain ILIKE scan {r["search"]["baselineIlikeP50Ms"]} / {r["search"]["baselineIlikeP95Ms"]} / '
     f'{r["search"]["baselineIlikeP99Ms"]} ms: its p99 {ratio_search:.1f} × the register\'s',
     "p99 ≤ 50 ms", verdict(r["search"]["p99Ms"] <= 50)),
    (f'Notifications written, e-mails/s ({n["urgentReportsPerSec"]} reports of immediate danger/s, '
     f'{n["recipientsPerReport"]} recipients each)', n["messagesWrittenPerSec"],
     f'{n["inAppNotifications"]:,} in-app notifications and {n["messagesWritten"]:,} e-mails in intake\'s transactions', "", ""),
    ("Notifications dispatched to a local SMTP server, e-mails/s", n["messagesDispatchedPerSec"],
     f'{ratio_dispatch:.2f} × sent straight through the mail sender ({n["baselineDirectSendPerSec"]}/s)', "", ""),
    (f'Periodic report of a province for 2025 ({app["periodicReport"]["provinceChildren"]:,} children), p99 ms (HTTP)',
     r["periodicReport"]["provinceP99Ms"],
     f'{r["periodicReport"]["provinceP99Ms"] / max(r["periodicReport"]["baselineNaiveProvinceP99Ms"], 0.001):.1f} × the naive '
     f'count of the same rows ({r["periodicReport"]["baselineNaiveProvinceP99Ms"]} ms, one count(*) a table, in-process)',
     "p99 ≤ 2 s", verdict(r["periodicReport"]["provinceP99Ms"] <= 2000)),
    (f'Periodic report of the country for 2025 ({app["periodicReport"]["nationalChildren"]:,} children), p99 ms (HTTP)',
     r["periodicReport"]["nationalP99Ms"],
     f'{r["periodicReport"]["nationalP99Ms"] / max(r["periodicReport"]["baselineNaiveNationalP99Ms"], 0.001):.1f} × the naive '
     f'count of the same rows ({r["periodicReport"]["baselineNaiveNationalP99Ms"]} ms)',
     "p99 ≤ 10 s", verdict(r["periodicReport"]["nationalP99Ms"] <= 10000)),
    ("Heap after load, MB", r["memory"]["heapUsedMb"], f'RSS {r["memory"]["rssMb"]} MB', "≤ 512 MB",
     verdict(r["memory"]["heapUsedMb"] <= 512)),
    ("Database, MB per 100,000 cases", r["database"]["mbPer100kCases"], f'{app["database"]["totalMb"]:,} MB in all', "", ""),
    ("Start-up, s", r["startup"]["seconds"], f'{ratio_start:.2f} × bare Spring Boot + Camunda ({r["startup"]["baselineSeconds"]} s)',
     "≤ 1.5 ×", verdict(ratio_start <= 1.5)),
]
lines = [f"# Benchmark ({mode}: {r['inbox']['cases']:,} cases)", "",
         f"Machine: {m['cores']} cores, {m['memoryGb']} GB, Java {m['java']}, PostgreSQL {m['postgres']}.", "",
         "| measure | figure | against the baseline in the same run | goal | |", "|---|---|---|---|---|"]
lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows]
(out / "results.md").write_text("\n".join(lines) + "\n")
