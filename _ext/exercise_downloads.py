"""Copy each exercise's checker script beside its page, in the handbook and in the deck.

A student fetches ``exercises/<name>/check_<name>.py`` from the same folder as the page that
explains it, so the address in the page's ``curl`` line is stable (Sphinx's own ``:download:``
role would put it under a hashed ``_downloads/`` folder).
"""

import shutil
from pathlib import Path


def copy_checkers(app, exception):
    if exception or app.builder.format != "html":
        return
    srcdir = Path(app.srcdir)
    for script in sorted(srcdir.glob("exercises/*/check_*.py")):
        target = Path(app.outdir) / script.relative_to(srcdir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(script, target)


def setup(app):
    app.connect("build-finished", copy_checkers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
