"""_ext/course/priorities.py: the course's transforms and page handlers run in the order its
comments promise, around hieroglyph's (tests/roots/test-continuation-slides)."""

import hieroglyph.directives
import pytest

from course import continuation_slides, incremental, priorities

BEFORE_HIEROGLYPH = [continuation_slides.NameContinuations, incremental.NoteEarlierReread]
AFTER_HIEROGLYPH = [continuation_slides.IdContinuationSlides, incremental.DropHieroglyphReread]
HIEROGLYPH = [hieroglyph.directives.TransformSlideConditions, hieroglyph.directives.TransformNextSlides]


def test_the_named_priority_is_hieroglyph_s():
    # if hieroglyph moves its transforms, the course's before/after promises move with the name
    assert {transform.default_priority for transform in HIEROGLYPH} == {priorities.HIEROGLYPH_TRANSFORMS}


@pytest.fixture
def applied(monkeypatch):
    """The names of the transforms above, in the order they are applied to documents."""
    order = []
    for transform in BEFORE_HIEROGLYPH + HIEROGLYPH + AFTER_HIEROGLYPH:
        def apply(self, original=transform.apply, **kwargs):
            order.append(type(self).__name__)
            return original(self, **kwargs)
        monkeypatch.setattr(transform, "apply", apply)
    return order


@pytest.mark.sphinx("slides", testroot="continuation-slides")
def test_the_course_s_transforms_run_around_hieroglyph_s(app, warning, applied):
    app.build()
    assert warning.getvalue() == ""
    one_document = applied[:len(BEFORE_HIEROGLYPH + HIEROGLYPH + AFTER_HIEROGLYPH)]
    positions = {name: one_document.index(name) for name in one_document}
    first_of_hieroglyph = min(positions[t.__name__] for t in HIEROGLYPH)
    last_of_hieroglyph = max(positions[t.__name__] for t in HIEROGLYPH)
    assert all(positions[t.__name__] < first_of_hieroglyph for t in BEFORE_HIEROGLYPH), one_document
    assert all(positions[t.__name__] > last_of_hieroglyph for t in AFTER_HIEROGLYPH), one_document


@pytest.mark.sphinx("slides", testroot="page-assets")
def test_a_page_handler_sees_the_page_s_assets_already_fitted(app, warning):
    """A handler at Sphinx's default priority comes after page_assets: the deck's page no longer
    lists the scripts its layout cannot load."""
    seen = []
    app.connect("html-page-context", lambda app, pagename, templatename, context, doctree: seen.append(
        [str(getattr(script, "filename", script)) for script in context.get("script_files", [])]))
    app.build()
    assert "_static/course.js" in seen[0]
    assert "_static/documentation_options.js" not in seen[0], seen[0]
