"""The deck's keys: one list, from which everything that binds or lists a key is written.

- the deck and the presenter console bind them: each slide page and the console carry the list as
  JSON (``<script type="application/json" id="deck-keys">``), which ``_static/js/keys.js`` reads;
- the help overlay (``?``) lists them from the same JSON;
- ``.. deck-keys::`` writes them as a table (the front page's "Presenting a lecture");
- the README's "Presenting" table is ``markdown_table()``; a test compares the two.

A key is named as ``KeyboardEvent.key`` names it, ``Space`` for " ", ``Shift+`` before a shifted
named key, and ``Digit`` for any of 0-9.
"""

import json
from dataclasses import dataclass

from docutils import nodes
from hieroglyph.builder import building_slides
from sphinx.util.docutils import SphinxDirective


@dataclass(frozen=True)
class Key:
    keys: tuple
    action: str      # what keys.js asks the page's scripts to do
    does: str        # what the help and the tables say
    where: str = "both"   # "deck", "console" or "both" windows
    mode: str = "slides"  # "slides", or "overview" while the overview grid is open


KEYS = [
    Key(("ArrowRight", "ArrowDown", "Space", "PageDown"), "next", "Next slide"),
    Key(("ArrowLeft", "ArrowUp", "Shift+Space", "PageUp"), "previous", "Previous slide"),
    Key(("Home",), "first", "First slide"),
    Key(("End",), "last", "Last slide"),
    Key(("Digit", "Enter"), "goto", "Type a slide number, then Enter: go to that slide"),
    Key(("t",), "overview", "Overview of all slides"),
    Key(("b", "."), "blackout", "Black out the screen, and back"),
    Key(("f",), "fullscreen", "Full screen, and back"),
    Key(("c",), "console", "Open the presenter console", where="deck"),
    Key(("p",), "pause", "Pause or resume the timer", where="console"),
    Key(("r",), "reset", "Reset the timer to 0:00", where="console"),
    Key(("d",), "rehearsal", "Download the rehearsal: seconds spent on each slide (JSON)",
        where="console"),
    Key(("?",), "help", "This list of keys"),
    Key(("Escape",), "close", "Close the overview, this help or the black screen"),
    Key(("ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"), "select", "Choose a slide",
        mode="overview"),
    Key(("Enter",), "open", "Show the chosen slide", mode="overview"),
]

LABELS = {
    "ArrowRight": "\u2192", "ArrowLeft": "\u2190", "ArrowUp": "\u2191", "ArrowDown": "\u2193",
    "PageDown": "Page Down", "PageUp": "Page Up", "Digit": "0\u20139", "Escape": "Esc",
}
WHERE = {"both": "deck and console", "deck": "deck", "console": "console"}


def label(name):
    return LABELS.get(name, name)


def key_labels(key):
    """The keys as a person reads them: ["→", "↓", "Space", "Page Down"]; ["0–9", "…", "Enter"]."""
    if key.action == "goto":
        return [label("Digit"), "\u2026", "Enter"]
    return [label(name) for name in key.keys]


def keys_markdown(key):
    return " ".join(name if name == "\u2026" else f"`{name}`" for name in key_labels(key))


def does_text(key):
    return f"In the overview: {key.does[0].lower()}{key.does[1:]}" if key.mode == "overview" else key.does


def keys_json():
    """The list for keys.js and the help overlay; "</" cannot close the script element."""
    data = [{"keys": list(key.keys), "action": key.action, "where": key.where, "mode": key.mode,
             "labels": key_labels(key), "text": does_text(key)} for key in KEYS]
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def markdown_table():
    """The README's table of keys."""
    rows = ["| Key | Does | Where |", "|---|---|---|"]
    rows += [f"| {keys_markdown(key)} | {does_text(key)} | {WHERE[key.where]} |" for key in KEYS]
    return "\n".join(rows)


class DeckKeysDirective(SphinxDirective):
    """``.. deck-keys::``: the table of the deck's keys."""

    has_content = False

    def run(self):
        table = nodes.table(classes=["deck-keys"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (25, 55, 20):
            group += nodes.colspec(colwidth=width)
        head, body = nodes.thead(), nodes.tbody()
        group += [head, body]
        rows = [(("Key", "Does", "Where"), head)]
        rows += [((key_labels(key), does_text(key), WHERE[key.where]), body) for key in KEYS]
        for cells, part in rows:
            row = nodes.row()
            for cell in cells:
                para = nodes.paragraph()
                if isinstance(cell, list):
                    for i, name in enumerate(cell):
                        para += [nodes.Text(" ")] if i else []
                        para += nodes.Text(name) if name == "\u2026" else nodes.literal(name, name, classes=["kbd"])
                else:
                    para += nodes.Text(cell)
                row += nodes.entry("", para)
            part += row
        return [table]


def add_keys_to_page(app, pagename, templatename, context, doctree):
    if building_slides(app):
        context["deck_keys"] = keys_json()


def setup(app):
    app.add_directive("deck-keys", DeckKeysDirective)
    app.connect("html-page-context", add_keys_to_page)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
