"""`make html slides`: the handbook and the deck from one Python process.

    python -m tools.build html slides -W --keep-going -q    # options after the builders go to Sphinx

Both builders share one environment and one doctree folder (the doctrees do not depend on the
builder: ``_ext/course/slide_conditions.py``), so whichever runs first reads what changed and
the other only writes. Each writes where the site map puts it: the handbook at the site's root,
the deck in its ``slides/`` folder. Running them in one interpreter also sets Python and the
extensions up once.
"""

import argparse
import sys
from pathlib import Path

from sphinx.cmd.build import build_main

from tools.sitemap import SiteMap

BUILDERS = ("html", "slides")


def build(builders, builddir, sphinx_options, source="."):
    """Each builder in turn, into the site under builddir; the first failure's exit code."""
    folders = SiteMap.of_project(source).output_folders(Path(builddir) / "html")
    for builder in builders:
        code = build_main(["-b", builder, source, str(folders[builder]),
                           "-d", str(Path(builddir) / "doctrees"), *sphinx_options])
        if code:
            return code
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("builders", nargs="+", choices=BUILDERS, metavar="BUILDER",
                        help="html (the handbook) and/or slides (the deck)")
    parser.add_argument("--builddir", default="_build", help="where the site and doctrees go")
    args, sphinx_options = parser.parse_known_args(argv)
    return build(args.builders, args.builddir, sphinx_options)


if __name__ == "__main__":
    sys.exit(main())
