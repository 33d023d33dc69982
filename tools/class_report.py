"""One offline HTML page for the instructor, from a folder of checker reports.

Students run ``python check_practice_env.py --report report.json`` and hand the file in; the
instructor puts the files in a folder and runs ``make class-report DIR=reports`` (or
``python -m tools.class_report reports``). The page, ``DIR/class-report.html``, shows the pass rate
of each step, the step where most of the room is stuck (each student's first failing step), and
for it the hint the checker gave and the slide and handbook section to revisit. It needs no
network and no script: one file with its style sheet inside.
"""

import argparse
import html
import json
import sys
from collections import Counter
from pathlib import Path

STYLE = """
body { font: 16px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
h1 { font-size: 1.6rem; } table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
.bar { background: #eee; width: 12rem; height: .9rem; display: inline-block; vertical-align: middle; }
.bar span { background: #2e7d32; height: 100%; display: block; }
.stuck { background: #fff4e5; border-left: 4px solid #ef6c00; padding: .6rem 1rem; margin: 1rem 0; }
code { background: #f3f3f3; padding: 0 .2rem; } .muted { color: #666; }
"""


def read_reports(folder):
    """The reports in folder, and the names of the files that are not reports."""
    reports, skipped = [], []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
            assert isinstance(report, dict) and isinstance(report["steps"], list)
            assert all(isinstance(step["id"], str) and step["status"] in ("pass", "fail", "skip")
                       for step in report["steps"])
        except (ValueError, KeyError, TypeError, AssertionError, UnicodeDecodeError):
            skipped.append(path.name)
            continue
        reports.append(report)
    return reports, skipped


def summarise(reports):
    """Per step, in the checker's order: passed, failed, checked, and the commonest hint."""
    order, steps = [], {}
    for report in reports:
        for step in report["steps"]:
            if step["id"] not in steps:
                order.append(step["id"])
                steps[step["id"]] = {"pass": 0, "fail": 0, "skip": 0, "hints": Counter(),
                                     "slide": "", "handbook": ""}
            entry = steps[step["id"]]
            entry[step["status"]] += 1
            if step["status"] == "fail":
                entry["hints"][step.get("hint", "")] += 1
            entry["slide"] = entry["slide"] or step.get("slide", "")
            entry["handbook"] = entry["handbook"] or step.get("handbook", "")
    return [(step_id, steps[step_id]) for step_id in order]


def first_failures(reports):
    """How many students are stuck at each step: their first failing one."""
    stuck = Counter()
    for report in reports:
        failing = [step["id"] for step in report["steps"] if step["status"] == "fail"]
        if failing:
            stuck[failing[0]] += 1
    return stuck


def link(url, text):
    return '<a href="%s">%s</a>' % (html.escape(url), text) if url else ""


def render(reports, skipped):
    steps = summarise(reports)
    stuck = first_failures(reports)
    done = sum(1 for report in reports if report.get("ok"))
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>Class report</title><style>%s</style></head><body>" % STYLE,
             "<h1>Class report: %d reports</h1>" % len(reports),
             "<p>%d of %d students pass every step they checked.</p>" % (done, len(reports))]
    if stuck:
        step_id, count = stuck.most_common(1)[0]
        entry = dict(steps)[step_id]
        hint = entry["hints"].most_common(1)[0][0]
        revisit = " · ".join(filter(None, [link(entry["slide"], "the slide"),
                                           link(entry["handbook"], "the handbook section")]))
        parts.append('<div class="stuck"><strong>Where the room is stuck:</strong> <code>%s</code>, '
                     "the first failing step of %d student%s.<br>The checker's hint: <code>%s</code>"
                     "%s</div>" % (html.escape(step_id), count, "s" * (count != 1), html.escape(hint),
                                   "<br>Revisit " + revisit if revisit else ""))
    parts.append("<table><tr><th>Step</th><th>Pass rate</th><th>Passed</th><th>Failed</th>"
                 "<th>Not checked</th><th>Stuck here</th><th>Revisit</th></tr>")
    for step_id, entry in steps:
        checked = entry["pass"] + entry["fail"]
        rate = entry["pass"] / checked if checked else 0
        parts.append("<tr><td><code>%s</code></td><td><span class=\"bar\"><span style=\"width:%d%%\">"
                     "</span></span> %s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td></tr>"
                     % (html.escape(step_id), round(rate * 100),
                        "%d%%" % round(rate * 100) if checked else '<span class="muted">–</span>',
                        entry["pass"], entry["fail"], entry["skip"], stuck[step_id],
                        " · ".join(filter(None, [link(entry["slide"], "slide"),
                                                 link(entry["handbook"], "handbook")]))))
    parts.append("</table>")
    if skipped:
        parts.append('<p class="muted">Not reports, left out: %s</p>' % html.escape(", ".join(skipped)))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="class_report", description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="a folder of reports written by a checker's --report")
    parser.add_argument("--output", help="the page to write (default: FOLDER/class-report.html)")
    args = parser.parse_args(argv)
    if not Path(args.folder).is_dir():
        parser.error("%s: no such folder" % args.folder)
    reports, skipped = read_reports(args.folder)
    if not reports:
        parser.error("%s: holds no checker reports (*.json written by --report)" % args.folder)
    output = Path(args.output or Path(args.folder) / "class-report.html")
    output.write_text(render(reports, skipped), encoding="utf-8")
    print("%s: %d reports%s" % (output, len(reports),
                                ", %d other files left out" % len(skipped) if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
