"""A lecture's metadata: its number, its length and the minutes of each part.

``.. lecture::`` (with ``:duration: <minutes>``) stands under the title of ``slides/<id>-<slug>``;
it prints the line "<project> · Lecture <number> · <duration> minutes", the number read from the
file name. ``.. minutes:: <n>`` stands in a part of the lecture (a section one level below the
title): the time the instructor plans for it. The parts' minutes must add up to the duration.

The plan (duration and each timed part's id, title and minutes) is kept in the environment for the
instructor guide, and written into the lecture's pages as JSON (``<script type="application/json"
id="lecture-plan">``) for the presenter console's pacing.
"""

import json

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from course.helpers.per_document import PerDocument
from tools.sitemap import lecture_id

logger = logging.getLogger(__name__)


# {docname: {"number", "duration", "sections": [{"id", "title", "minutes"}], "line"}}
plans = PerDocument("course_lectures")


class LectureDirective(SphinxDirective):
    has_content = False
    option_spec = {"duration": directives.positive_int}

    def run(self):
        number = lecture_id(self.env.docname)
        if number is None:
            logger.warning("lecture: only a lecture has one; a lecture is slides/<number>-<slug> "
                           f"(e.g. slides/1-2-3-data-versioning), not {self.env.docname}",
                           location=self.get_location())
            return []
        if "duration" not in self.options:
            logger.warning("lecture: give its length, :duration: <minutes>", location=self.get_location())
            return []
        if self.env.docname in plans(self.env):
            logger.warning("lecture: a second one in the same file", location=self.get_location())
            return []
        number = number.replace("-", ".")
        duration = self.options["duration"]
        plans(self.env)[self.env.docname] = {"number": number, "duration": duration,
                                             "sections": [], "line": self.lineno}
        meta = nodes.paragraph(classes=["lecture-meta"])
        meta += nodes.strong(text=self.config.project)
        meta += nodes.Text(f" \u00b7 Lecture {number} \u00b7 {duration} minutes")
        return [meta]


class minutes(nodes.Invisible, nodes.Element):
    """A part's minutes, until the document is read and its sections are known."""


class MinutesDirective(SphinxDirective):
    required_arguments = 1

    def run(self):
        try:
            number = directives.positive_int(self.arguments[0])
        except ValueError:
            logger.warning(f"minutes: {self.arguments[0]!r} is not a whole number of minutes",
                           location=self.get_location())
            return []
        node = minutes(minutes=number)
        self.set_source_info(node)
        return [node]


def add_part(plan, node):
    """A part's minutes to the plan; the section that holds them is known once the document is
    read (in reST and in MyST alike)."""
    section = node.parent
    is_part = (isinstance(section, nodes.section) and isinstance(section.parent, nodes.section)
               and isinstance(section.parent.parent, nodes.document))
    if plan is None:
        logger.warning("minutes: put a `.. lecture::` under the lecture's title first", location=node)
    elif not is_part:
        logger.warning("minutes: it belongs in a part of the lecture (a section one level "
                       "below the title), at the part's start", location=node)
    elif any(part["id"] == section["ids"][0] for part in plan["sections"]):
        logger.warning("minutes: this part has its minutes already", location=node)
    else:
        plan["sections"].append({"id": section["ids"][0], "title": section[0].astext(),
                                 "minutes": node["minutes"]})


def check_plan(app, doctree):
    """Each part's minutes, and that they add up to the lecture's duration."""
    plan = plans(app.env).get(app.env.docname)
    for node in list(doctree.findall(minutes)):
        add_part(plan, node)
        node.parent.remove(node)
    if plan is None:
        if lecture_id(app.env.docname):
            logger.warning("this lecture has no `.. lecture::` with its :duration:",
                           location=(app.env.docname, 1))
        return
    planned = sum(part["minutes"] for part in plan["sections"])
    if planned != plan["duration"]:
        logger.warning(f"lecture: its parts' minutes add up to {planned}, not its duration "
                       f"{plan['duration']}", location=(app.env.docname, plan["line"]))



def add_plan_to_page(app, pagename, templatename, context, doctree):
    plan = plans(app.env).get(pagename)
    if plan is not None:
        data = {key: plan[key] for key in ("number", "duration", "sections")}
        # "</" cannot appear in the JSON: titles are escaped by json.dumps only for quotes
        text = json.dumps(data).replace("</", "<\\/")
        script = f'<script type="application/json" id="lecture-plan">{text}</script>'
        context["metatags"] = context.get("metatags", "") + script


def setup(app):
    app.add_directive("lecture", LectureDirective)
    app.add_node(minutes)
    app.add_directive("minutes", MinutesDirective)
    app.connect("doctree-read", check_plan)
    plans.connect(app)
    app.connect("html-page-context", add_plan_to_page)
    return {"version": "1.0", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
