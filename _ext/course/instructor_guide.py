"""``.. instructor-guide::``: what an instructor prepares, generated from the lectures.

For every lecture, in the order of their numbers: the timing plan (each part's minutes, from
``.. minutes::``, and the minute it should start at), every ``.. update::`` note with its source
and the date it was checked, and, for each exercise the lecture links with ``.. practice::``,
the checker's steps with the hint a student gets when a step fails: the failures students meet
most, read from the checker itself (its one ``STEPS`` table: step, what it checks, hint).
"""

import re

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from course.lecture import plans
from course.notes import updates
from course.practice import practices
from course.helpers.checker_source import literals
from course.incremental import note_listing_page
from course.helpers.links import handbook_reference
from tools.sitemap import Exercise, exercises, lectures

logger = logging.getLogger(__name__)
PLACEHOLDER = re.compile(r"\{(\w+)\}")  # a hint template's {env}, filled in for each student


class instructor_guide(nodes.General, nodes.Element):
    """Replaced by the guide when the page is written, when every lecture has been read."""


class InstructorGuide(SphinxDirective):
    def run(self):
        note_listing_page(self.env)
        for lecture in lectures(self.env.srcdir):
            self.env.note_dependency(str(lecture.source))
        for exercise in exercises(self.env.srcdir):
            self.env.note_dependency(str(exercise.checker))
        return [instructor_guide()]


def table(header, rows, widths):
    group = nodes.tgroup(cols=len(header))
    group += [nodes.colspec(colwidth=width) for width in widths]
    head, body = nodes.thead(), nodes.tbody()
    head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=cell)) for cell in header])
    for cells in rows:
        body += nodes.row("", *[nodes.entry("", cell if isinstance(cell, nodes.Node)
                                            else nodes.paragraph(text=str(cell))) for cell in cells])
    group += [head, body]
    return nodes.table("", group, classes=["instructor-table"])


def paragraph(*children):
    node = nodes.paragraph()
    node += children
    return node


def timing(plan):
    rows, start = [], 0
    for part in plan["sections"]:
        rows.append((part["title"], part["minutes"], f"{start}:00"))
        start += part["minutes"]
    rows.append(("Total", plan["duration"], ""))
    return table(["Part", "Minutes", "Starts at"], rows, [60, 15, 15])


def update_rows(app, fromdocname, docname):
    rows = []
    for update in updates(app.env).get(docname, []):
        where = handbook_reference(app, fromdocname, update["section_title"] or "(the lecture)",
                                   docname, update["section"])
        source = nodes.reference("", update["source"], refuri=update["source"])
        rows.append((update["topic"], paragraph(where), paragraph(source), update["checked"]))
    return rows


def checker_table(app, exercise, fromdocname):
    tables = literals(exercise.checker, "STEPS") if exercise.checker.is_file() else []
    if len(tables) != 1 or not tables[0].value:
        logger.warning(f"{exercise.checker.name}: the instructor guide needs one literal STEPS "
                       f"table (step, what it checks, hint), not {len(tables)}",
                       location=str(exercise.checker))
        return []
    rows = [(step, what, PLACEHOLDER.sub(r"<\1>", hint)) for step, what, hint in tables[0].value]
    return [table(["Step", "What it checks", "What a student who fails it is told"], rows, [15, 40, 45])]


def write_guide(app, doctree, fromdocname):
    for node in list(doctree.findall(instructor_guide)):
        content = []
        for lecture in lectures(app.srcdir):
            title = app.env.titles[lecture.docname].astext()
            section = nodes.section(ids=[f"guide-{lecture.id}"])
            section += nodes.title("", "", handbook_reference(app, fromdocname, title, lecture.docname))
            plan = plans(app.env).get(lecture.docname)
            if plan:
                section += nodes.rubric(text="Timing plan")
                section += timing(plan)
            rows = update_rows(app, fromdocname, lecture.docname)
            if rows:
                section += nodes.rubric(text="What changed since the slides (update notes)")
                section += table(["Topic", "Where", "Source", "Checked"], rows, [25, 25, 35, 15])
            for docname in practices(app.env).get(lecture.docname, []):
                exercise = Exercise(lecture.root, docname.split("/")[1])
                section += nodes.rubric(text=f"Exercise: {app.env.titles[docname].astext()}")
                section += paragraph(nodes.Text("Where students get stuck: the checker's steps, in "
                                                "order, and what each failing step tells them. A word "
                                                "in angle brackets is filled in for each student: their "
                                                "environment, files, versions or folder."))
                section += checker_table(app, exercise, fromdocname)
            content.append(section)
        node.replace_self(content)


def setup(app):
    app.add_node(instructor_guide)
    app.add_directive("instructor-guide", InstructorGuide)
    app.connect("doctree-resolved", write_guide)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
