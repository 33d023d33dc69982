"""Figures load when they come near the window (``loading="lazy"``), in the handbook and the deck.

A deck's slides are all in one page, but only the current one and its neighbours are displayed,
so the first slide no longer waits for every figure of the lecture. Chromium still fetches them
all before printing (``make pdf``).
"""


def load_figures_when_near(app, pagename, templatename, context, doctree):
    if app.builder.format == "html" and "body" in context:
        context["body"] = context["body"].replace("<img ", '<img loading="lazy" ')


def setup(app):
    app.connect("html-page-context", load_figures_when_near)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
