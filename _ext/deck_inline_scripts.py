"""Give the deck the inline scripts that extensions add.

hieroglyph's slide layout writes ``<script src="...">`` for every entry of ``script_files``, so an
inline script (``app.add_js_file(None, body=...)``, as sphinx-togglebutton adds) becomes
``src="None"``: a failed request, and the variables it should define are missing. For the slide
builders this moves each inline body into ``metatags``, which the layout prints in ``<head>``
before the script files, and leaves only real files in ``script_files``.
"""

from hieroglyph.builder import AbstractSlideBuilder


def inline_scripts_into_head(app, pagename, templatename, context, doctree):
    if not isinstance(app.builder, AbstractSlideBuilder):
        return
    files, bodies = [], []
    for script in context.get("script_files", []):
        if getattr(script, "filename", script):
            files.append(script)
        else:
            bodies.append(f"<script>{script.attributes['body']}</script>")
    context["script_files"] = files
    context["metatags"] = "\n".join([context.get("metatags", ""), *bodies])


def setup(app):
    # Before other page-context handlers, so they only see scripts that are files.
    app.connect("html-page-context", inline_scripts_into_head, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
