"""Compare a rehearsal with the lecture's plan: `make rehearsal FILE=rehearsal.json`.

The presenter console (press d) downloads the rehearsal as JSON: the lecture's plan (its duration
and the minutes of each part, from the lecture's `.. lecture::` and `.. minutes::`) and the
seconds spent on each slide, with the part each slide is in. This prints, part by part, the
planned and the rehearsed minutes, and says where the rehearsal ran long.
"""

import argparse
import json
import sys
from pathlib import Path

# A part runs long when it takes this much longer than planned (a minute, or a tenth).
SLACK_MINUTES = 1.0
SLACK_SHARE = 0.1


def compare(rehearsal):
    """[(part title, planned minutes, rehearsed minutes, ran long)] in the plan's order."""
    plan = rehearsal.get("plan") or {}
    parts = plan.get("sections") or []
    spent = {}
    for slide in rehearsal["slides"]:
        spent[slide.get("section")] = spent.get(slide.get("section"), 0) + slide["seconds"]
    rows = []
    for part in parts:
        minutes = spent.get(part["id"], 0) / 60
        long = minutes > part["minutes"] + max(SLACK_MINUTES, SLACK_SHARE * part["minutes"])
        rows.append((part["title"], part["minutes"], minutes, long))
    return rows


def report(rehearsal):
    rows = compare(rehearsal)
    if not rows:
        return [f"{rehearsal.get('lecture', 'This lecture')}: no plan (minutes per part) to compare with."]
    width = max(len(title) for title, *_ in rows)
    lines = [f"{'part':<{width}}  planned  rehearsed"]
    for title, planned, minutes, long in rows:
        lines.append(f"{title:<{width}}  {planned:5d} min  {minutes:5.1f} min" + ("  ran long" if long else ""))
    total = sum(slide["seconds"] for slide in rehearsal["slides"]) / 60
    duration = rehearsal["plan"].get("duration", sum(planned for _, planned, _, _ in rows))
    lines.append(f"{'total':<{width}}  {duration:5d} min  {total:5.1f} min")
    long = [f"{title} (+{minutes - planned:.1f} min)" for title, planned, minutes, is_long in rows if is_long]
    lines.append("Ran long: " + ", ".join(long) if long else "No part ran long.")
    slowest = sorted(rehearsal["slides"], key=lambda slide: -slide["seconds"])[:3]
    lines.append("Longest slides: " + ", ".join(
        f"{slide['number']} {slide['title']!r} ({slide['seconds'] / 60:.1f} min)" for slide in slowest))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the JSON the presenter console downloaded (d)")
    args = parser.parse_args(argv)
    try:
        rehearsal = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"rehearsal: cannot read {args.file}: {error}", file=sys.stderr)
        return 2
    print("\n".join(report(rehearsal)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
