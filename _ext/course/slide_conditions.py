"""hieroglyph's ``ifslides``, ``ifnotslides`` and ``nextslide``, decided when a page is written,
not when it is read, so that one read of the sources serves the handbook and the deck.

hieroglyph decides them while a page is read (its transforms test the builder), so a doctree
holds one output's version and every build reads its pages again. The course registers its own
directives under the same names instead:

- ``ifslides`` and ``ifnotslides`` become Sphinx ``only`` nodes on the tag ``deck``, which this
  module sets for every slide builder. Sphinx resolves ``only`` nodes for each builder as it
  writes a page, the table of contents included.
- ``nextslide`` becomes a ``continuation`` node, named ``<section id>-<n>`` as it is read (n = 2
  for a section's first, as in its "(2)" title). When the deck is written, the rest of the
  section after it moves to a new slide of that id, titled as the section (with " (n)" under
  ``:increment:``, or the directive's argument); when the handbook is written it is an anchor of
  that name, so that the slide's "view in the handbook" link lands where the slide starts.

hieroglyph's own transforms then find nothing of theirs, and so never ask for every page to be
read again on the next build.
"""

from docutils import nodes
from docutils.parsers.rst import directives
from hieroglyph.builder import building_slides
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

DECK_TAG = "deck"


class continuation(nodes.Element):
    """Where a slide goes on: ``name``, ``increment``, ``classes``; a title argument as its one
    ``inline`` child."""


class SlideCondition(SphinxDirective):
    has_content = True

    def run(self):
        node = addnodes.only(expr=DECK_TAG if self.name in ("ifslides", "slides") else f"not {DECK_TAG}")
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node, match_titles=True)
        return [node]


class NextSlide(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {"increment": directives.flag, "classes": directives.class_option}

    def run(self):
        node = continuation(increment="increment" in self.options, classes=self.options.get("classes", []))
        self.set_source_info(node)
        if self.arguments:
            title, messages = self.state.inline_text(self.arguments[0], self.lineno)
            node += nodes.inline("", "", *title)
            node += messages
        return [node]


def name_continuations(app, doctree):
    counts = {}
    for node in doctree.findall(continuation):
        section_id = node.parent["ids"][0]
        counts[section_id] = counts.get(section_id, 1) + 1
        node["name"] = f"{section_id}-{counts[section_id]}"


def slide_title(section, node, number):
    if node.children:
        return nodes.title("", "", *node[0].children)
    title = nodes.title("", "", *[child.deepcopy() for child in section.next_node(nodes.title).children])
    if node["increment"]:
        title += nodes.Text(f" ({number})")
    return title


def split_slides(doctree):
    """Each continuation with something after it starts a new slide, beside its section."""
    continued = {}  # id of a new slide -> the section it continues, whose title it takes
    for node in list(doctree.findall(continuation)):
        section, place = node.parent, node.parent.index(node)
        rest = section.children[place + 1:]
        if not rest:
            section.remove(node)
            continue
        original = continued.get(id(section), section)
        new = nodes.section(ids=[node["name"]], classes=list(node["classes"]))
        new += slide_title(original, node, int(node["name"].rsplit("-", 1)[1]))
        new.extend(rest)
        section.children = section.children[:place]
        section.parent.insert(section.parent.index(section) + 1, new)
        continued[id(new)] = original


def anchor_continuations(doctree):
    for node in list(doctree.findall(continuation)):
        # not replace_self, which would give the anchor the slide's classes
        node.parent.replace(node, nodes.target("", "", ids=[node["name"]]))


def resolve_continuations(app, doctree, docname):
    if building_slides(app):
        split_slides(doctree)
    else:
        anchor_continuations(doctree)


def tag_the_deck(app):
    if building_slides(app):
        app.tags.add(DECK_TAG)


def setup(app):
    app.setup_extension("hieroglyph")
    app.add_node(continuation)
    for name in ("ifslides", "ifnotslides", "slides", "notslides"):
        app.add_directive(name, SlideCondition, override=True)
    app.add_directive("nextslide", NextSlide, override=True)
    app.connect("builder-inited", tag_the_deck)
    app.connect("doctree-read", name_continuations)
    app.connect("doctree-resolved", resolve_continuations)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
