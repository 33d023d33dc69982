"""Give continuation slides a stable id that the handbook has too.

hieroglyph turns ``.. nextslide::`` into a new slide with an automatic id (``id5``), which its
"view in the handbook" link then points to, though no such anchor exists there. Before
hieroglyph's transform (priority 550) each ``nextslide`` is named ``<section id>-<n>`` (n = 2 for
the first continuation, as in its "(2)" title); the handbook gets an anchor of that name where the
continuation starts, and after hieroglyph's transform the deck's new slide takes the name.
"""

from docutils import nodes
from docutils.transforms import Transform
from hieroglyph.builder import building_slides
from hieroglyph.directives import nextslide

from course.priorities import ID_CONTINUATIONS, NAME_CONTINUATIONS


class NameContinuations(Transform):
    default_priority = NAME_CONTINUATIONS

    def apply(self):
        counts = {}
        names = []
        for node in list(self.document.findall(nextslide)):  # the loop inserts nodes
            section_id = node.parent["ids"][0]
            counts[section_id] = counts.get(section_id, 1) + 1
            names.append(f"{section_id}-{counts[section_id]}")
            if not self.document.settings.env.course_building_slides:
                anchor = nodes.target("", "", ids=[names[-1]])
                node.parent.insert(node.parent.index(node), anchor)
        self.document["continuation_names"] = names


class IdContinuationSlides(Transform):
    default_priority = ID_CONTINUATIONS

    def apply(self):
        if not self.document.settings.env.course_building_slides:
            return
        names = iter(self.document.get("continuation_names", []))
        for section in self.document.findall(nodes.section):
            if hasattr(section.next_node(nodes.title), "nextslide_info"):
                section["ids"] = [next(names)]
                self.document.ids[section["ids"][0]] = section


def note_builder(app):
    # Transforms reach the environment, not the builder (``env.app`` is deprecated in Sphinx 9).
    app.env.course_building_slides = building_slides(app)


def setup(app):
    app.connect("builder-inited", note_builder)
    app.add_transform(NameContinuations)
    app.add_transform(IdContinuationSlides)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
