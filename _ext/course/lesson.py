"""A lecture's questions, objectives and key points, and the course's page of key points.

``.. questions::`` and ``.. objectives::`` open a lecture, ``.. keypoints::`` closes it, each a
bullet list in a box (seen on the slide and in the handbook). A lecture without all three is a
build warning, and so is a box that holds anything but one bullet list.
Their slide is styled by ``_static/css/lesson.css``.
``.. keypoints-summary::`` lists every lecture's key points, in the order of their numbers, with a
link to each lecture: the Key points page.
"""

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from course.incremental import note_listing_page
from course.helpers.links import handbook_reference
from course.helpers.per_document import PerDocument
from tools.sitemap import lecture_id, lectures

logger = logging.getLogger(__name__)

BOXES = {"questions": "Questions", "objectives": "Objectives", "keypoints": "Key points"}


# {docname: [key point text, ...]}
keypoints = PerDocument("course_keypoints")


class LessonBox(SphinxDirective):
    has_content = True

    def run(self):
        box = nodes.admonition("", classes=["lesson", f"lesson-{self.name}"])
        self.set_source_info(box)
        box += nodes.title(BOXES[self.name], BOXES[self.name])
        self.state.nested_parse(self.content, self.content_offset, box)
        items = box.children[1:]
        if len(items) != 1 or not isinstance(items[0], nodes.bullet_list):
            logger.warning(f"{self.name}: write its points as one bullet list",
                           location=self.get_location())
            return []
        if lecture_id(self.env.docname) is None:
            logger.warning(f"{self.name}: only a lecture (slides/<number>-<slug>) has them",
                           location=self.get_location())
        if self.name == "keypoints":
            keypoints(self.env)[self.env.docname] = [item.astext() for item in items[0].children]
        return [box]


def check_lecture(app, doctree):
    boxes = [node for node in doctree.findall(nodes.admonition) if "lesson" in node["classes"]]
    for section in {id(box.parent): box.parent for box in boxes if isinstance(box.parent, nodes.section)}.values():
        section["classes"].append("lesson-slide")  # its slide reads as a content slide
    if lecture_id(app.env.docname) is None:
        return
    found = {name for name in BOXES for node in boxes if f"lesson-{name}" in node["classes"]}
    missing = [f"`.. {name}::`" for name in BOXES if name not in found]
    if missing:
        logger.warning(f"this lecture has no {', '.join(missing)}", location=(app.env.docname, 1))


class keypoints_summary(nodes.General, nodes.Element):
    """Replaced by every lecture's key points when the page is written."""


class KeypointsSummary(SphinxDirective):
    def run(self):
        note_listing_page(self.env)
        # rebuilt whenever a lecture changes
        for lecture in lectures(self.env.srcdir):
            self.env.note_dependency(str(lecture.source))
        return [keypoints_summary()]


def write_summary(app, doctree, fromdocname):
    for node in list(doctree.findall(keypoints_summary)):
        content = []
        for lecture in lectures(app.srcdir):
            title = app.env.titles[lecture.docname].astext()
            heading = nodes.paragraph(classes=["keypoints-lecture"])
            heading += handbook_reference(app, fromdocname, title, lecture.docname)
            points = nodes.bullet_list()
            for text in keypoints(app.env).get(lecture.docname, []):
                points += nodes.list_item("", nodes.paragraph(text, text))
            content += [heading, points]
        node.replace_self(content)



def setup(app):
    for name in BOXES:
        app.add_directive(name, LessonBox)
    app.add_css_file("css/lesson.css")
    app.add_node(keypoints_summary)
    app.add_directive("keypoints-summary", KeypointsSummary)
    app.connect("doctree-read", check_lecture)
    app.connect("doctree-resolved", write_summary)
    keypoints.connect(app)
    return {"version": "1.0", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
