"""_ext/course/priorities.py: the course's page handlers run in the order its comments promise."""

import pytest


# a folder of its own: where test_page_assets.py built the same root, no page would be written
@pytest.mark.sphinx("slides", testroot="page-assets", srcdir="page-assets-priorities")
def test_a_page_handler_sees_the_page_s_assets_already_fitted(app, warning):
    """A handler at Sphinx's default priority comes after page_assets: the deck's page no longer
    lists the scripts its layout cannot load."""
    seen = []
    app.connect("html-page-context", lambda app, pagename, templatename, context, doctree: seen.append(
        [str(getattr(script, "filename", script)) for script in context.get("script_files", [])]))
    app.build()
    assert "_static/course.js" in seen[0]
    assert "_static/documentation_options.js" not in seen[0], seen[0]
