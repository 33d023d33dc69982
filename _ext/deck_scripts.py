"""Fit the deck's script list to hieroglyph's slide layout.

hieroglyph's layout writes ``<script src="...">`` for every entry of ``script_files``, so:

- an inline script (``app.add_js_file(None, body=...)``, as sphinx-togglebutton adds) becomes
  ``src="None"``: a failed request, and the variables it should define are missing. Its body is
  moved into ``metatags``, which the layout prints in ``<head>`` before the script files;
- Sphinx's ``documentation_options.js`` reads its options from its own ``<script>`` tag's
  attributes, which this layout does not write, and throws; the layout defines
  ``DOCUMENTATION_OPTIONS`` inline itself, so the file is left out.
"""

from hieroglyph.builder import building_slides

OPTIONS_SCRIPT = "_static/documentation_options.js"


def fit_scripts_to_layout(app, pagename, templatename, context, doctree):
    if not building_slides(app):
        return
    files, bodies = [], []
    for script in context.get("script_files", []):
        filename = getattr(script, "filename", script)
        if not filename:
            bodies.append(f"<script>{script.attributes['body']}</script>")
        elif filename != OPTIONS_SCRIPT:
            files.append(script)
    context["script_files"] = files
    context["metatags"] = "\n".join([context.get("metatags", ""), *bodies])


def setup(app):
    # Before other page-context handlers, so they only see the scripts the layout can load.
    app.connect("html-page-context", fit_scripts_to_layout, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
