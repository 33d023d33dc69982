"""The scripts and style sheets each page loads: only what it uses, in a form its layout can load.

No page loads jQuery (90 kB), which sphinx-rtd-theme brings in (``sphinxcontrib.jquery``): the
handbook's one script that used it, the theme's navigation, is replaced by the course's own, and
the deck never needed it (below).

For the deck, fit the scripts and style sheets to hieroglyph's slide layout, and to what it uses.

hieroglyph's layout writes ``<script src="...">`` for every entry of ``script_files``, so:

- an inline script (``app.add_js_file(None, body=...)``, as sphinx-togglebutton adds) becomes
  ``src="None"``: a failed request, and the variables it should define are missing. Its body is
  moved into ``metatags``, which the layout prints in ``<head>`` before the script files;
- Sphinx's ``documentation_options.js`` reads its options from its own ``<script>`` tag's
  attributes, which this layout does not write, and throws; the layout defines
  ``DOCUMENTATION_OPTIONS`` inline itself, so the file is left out;
- the layout links ``pygments.css`` and the theme's style sheet itself, so their entries in
  ``css_files`` would load them a second time.

And the deck loads only what it uses:

- no jQuery (90 kB): hieroglyph's slides.js uses it only to announce ``slidesSized`` on the
  document, for hieroglyph's console, which the course's theme replaces; a two-line ``$``
  dispatches that event as a DOM event instead. Nor ``sphinx_highlight.js``, which highlights
  search results (the deck has no search), nor ``doctools.js``, whose helpers no deck script
  calls;
- no copy buttons: a slide is projected, not copied from (``deck.css`` hides them);
- sphinx-togglebutton only on a page with an answer to fold outside the speaker notes, which are
  hidden on the slides and shown whole in the presenter console;
- none of the handbook's own style sheets (``html_css_files``), which style only its frame.
"""

import re

from docutils import nodes
from hieroglyph.builder import building_slides

from course.priorities import PAGE_ASSETS

JQUERY = ["_static/jquery.js", "_static/_sphinx_javascript_frameworks_compat.js"]
OPTIONS_SCRIPT = "_static/documentation_options.js"
UNUSED_SCRIPTS = {*JQUERY, "_static/sphinx_highlight.js", "_static/doctools.js",
                  "_static/clipboard.min.js", "_static/copybutton.js"}
UNUSED_CSS = {"_static/copybutton.css"}
TOGGLE_FILES = {"_static/togglebutton.js", "_static/togglebutton.css"}
# sphinx-togglebutton's inline settings: let toggleHintShow = ..., var togglebuttonSelector = ...
TOGGLE_SETTING = re.compile(r"(let|var) toggle")
# what sphinx-togglebutton folds: its selector, '.toggle, .admonition.dropdown'
TOGGLE_CLASSES = {"toggle", "dropdown"}
DOLLAR = ("<script>window.$ = window.$ || function (target) { return { trigger: function (name) "
          "{ target.dispatchEvent(new CustomEvent(name)); } }; };</script>")


def in_speaker_notes(node):
    while node is not None:
        if "note" in node.get("classes", ()):
            return True
        node = node.parent
    return False


def folds_answers(doctree):
    """Whether a slide shows something sphinx-togglebutton folds (notes never show)."""
    return doctree is not None and any(
        TOGGLE_CLASSES & set(node["classes"]) and not in_speaker_notes(node)
        for node in doctree.findall(nodes.Element))


def building_handbook(app):
    return app.builder.format == "html" and not building_slides(app) and app.config.html_theme == "sphinx_rtd_theme"


def asset_name(asset):
    """A script or style sheet is a str (Sphinx 6) or has a filename (Sphinx 7 and later)."""
    return str(getattr(asset, "filename", asset))


def drop_jquery(context):
    context["script_files"] = [script for script in context["script_files"]
                               if asset_name(script) not in JQUERY]


def fit_assets(app, pagename, templatename, context, doctree):
    if building_slides(app):
        fit_to_slide_layout(app, context, doctree)
    elif building_handbook(app) and "script_files" in context:
        drop_jquery(context)


def fit_to_slide_layout(app, context, doctree):
    unused = UNUSED_SCRIPTS | UNUSED_CSS | {OPTIONS_SCRIPT}
    if not folds_answers(doctree):
        unused |= TOGGLE_FILES
    files, bodies = [], [DOLLAR]
    for script in context.get("script_files", []):
        filename = getattr(script, "filename", script)
        if not filename:  # an inline script
            body = script.attributes["body"]
            if TOGGLE_SETTING.match(body) is None or "_static/togglebutton.js" not in unused:
                bodies.append(f"<script>{body}</script>")
        elif filename not in unused:
            files.append(script)
    context["script_files"] = files
    context["metatags"] = "\n".join([context.get("metatags", ""), *bodies])
    # Sphinx turns each entry into (file name, attributes) at config-inited
    handbook_css = {f"_static/{entry[0] if isinstance(entry, tuple) else entry}" for entry in app.config.html_css_files}
    in_layout = {"_static/pygments.css", f"_static/{app.builder.theme.get_config('theme', 'stylesheet')}"}
    context["css_files"] = [css for css in context.get("css_files", [])
                            if asset_name(css) not in handbook_css | in_layout | unused]


def setup(app):
    app.connect("html-page-context", fit_assets, priority=PAGE_ASSETS)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
