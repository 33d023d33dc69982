"""What the instructor says, what changed since the slides were written, and a quiz's answers.

Each is an admonition of class ``note``, which hieroglyph's deck hides on the projected slide and
shows in the presenter console, while the handbook prints it:

- ``.. speaker-notes::``: what to say (class ``speaker-notes``).
- ``.. update:: <topic>`` with ``:source: <URL>`` and ``:checked: <YYYY-MM-DD>``, both required:
  what changed since the slide, titled "Update (<year checked>): <topic>", ending with its source
  and the date the fact was checked. The instructor guide lists them all.
- ``.. answers::``: a quiz's answers, folded behind a toggle in the handbook (class ``dropdown``,
  which sphinx-togglebutton folds).
"""

import datetime

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from course.helpers.per_document import PerDocument
logger = logging.getLogger(__name__)


# {docname: [{"topic", "source", "checked", "section", "section_title", "line"}]}
updates = PerDocument("course_updates")


class NoteDirective(SphinxDirective):
    """An admonition of class note with a fixed title and the content parsed inside it."""

    has_content = True
    title = ""
    classes = []

    def admonition(self, title):
        if not self.content:
            logger.warning(f"{self.name}: it has no text", location=self.get_location())
        node = nodes.admonition("", classes=["note", *self.classes])
        self.set_source_info(node)
        inline, messages = self.state.inline_text(title, self.lineno)  # a topic may hold markup
        node += nodes.title(title, "", *inline)
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return node

    def run(self):
        return [self.admonition(self.title)]


class SpeakerNotesDirective(NoteDirective):
    title = "Speaker notes"
    classes = ["speaker-notes"]


class AnswersDirective(NoteDirective):
    title = "Answers"
    classes = ["dropdown"]


def checked_date(text):
    return datetime.date.fromisoformat(text.strip())


class UpdateDirective(NoteDirective):
    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {"source": directives.uri, "checked": directives.unchanged_required}
    classes = ["update"]

    def run(self):
        missing = [name for name in ("source", "checked") if name not in self.options]
        if missing:
            logger.warning("update: give " + " and ".join(f":{name}:" for name in missing)
                           + " (the document that says so, and the day you checked it)",
                           location=self.get_location())
            return []
        try:
            checked = checked_date(self.options["checked"])
        except ValueError:
            logger.warning(f"update: :checked: {self.options['checked']!r} is not a date "
                           "(YYYY-MM-DD)", location=self.get_location())
            return []
        topic, source = self.arguments[0], self.options["source"]
        node = self.admonition(f"Update ({checked.year}): {topic}")
        cite = nodes.paragraph(classes=["update-source"])
        cite += nodes.Text("Source: ")
        cite += nodes.reference(source, source, refuri=source)
        cite += nodes.Text(f", checked {checked.isoformat()}.")
        node += cite
        updates(self.env).setdefault(self.env.docname, []).append({
            "topic": node[0].astext().partition(": ")[2], "source": source, "checked": checked.isoformat(),
            "section": "", "section_title": "", "line": self.lineno})
        return [node]


def note_update_sections(app, doctree):
    """Where each update note stands, known once the document is read (in reST and MyST alike):
    the notes are in the document in the order they were noted."""
    notes = [node for node in doctree.findall(nodes.admonition) if "update" in node["classes"]]
    for update, node in zip(updates(app.env).get(app.env.docname, []), notes):
        if isinstance(node.parent, nodes.section):
            update["section"], update["section_title"] = node.parent["ids"][0], node.parent[0].astext()



def setup(app):
    app.add_directive("speaker-notes", SpeakerNotesDirective)
    app.add_directive("answers", AnswersDirective)
    app.add_directive("update", UpdateDirective)
    app.connect("doctree-read", note_update_sections)
    updates.connect(app)
    return {"version": "1.0", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
