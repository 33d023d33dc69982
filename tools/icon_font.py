"""Cut sphinx-rtd-theme's Font Awesome font (77 kB a page) to the icons the handbook shows.

The handbook draws the theme's icons with Font Awesome 4: the home and menu icons, the footer's
arrows, the marks of admonition titles and heading links, the side menu's open/close buttons.
This writes ``_static/css/fonts/fontawesome-webfont.woff2``, which takes the place of the
theme's file of the same path in the built handbook, with the glyphs that

- the theme's style sheet and the course's (``_static/css/``) put before or after elements (a
  rule that is not just icon classes such as ``.fa-home:before``), and
- the icon classes (``fa-bars``, ``icon-home``, ...) named by the theme's templates and ours.

Run it again after upgrading sphinx-rtd-theme (fontTools is in the test lock, which `make test`
installs):  .venv/bin/python -m tools.icon_font
tests/test_browser.py checks in Chromium that every icon a handbook page shows is in the font.
"""

import re
from pathlib import Path

import sphinx_rtd_theme
from fontTools import subset
from fontTools.ttLib import TTFont

from tools.sitemap import REPO

THEME = Path(sphinx_rtd_theme.__file__).parent
FONT = "css/fonts/fontawesome-webfont.woff2"
SOURCE = THEME / "static" / FONT
OUTPUT = REPO / "_static" / FONT

RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
CONTENT = re.compile(r'content:\s*"([^"]*)"')
ICON_SELECTOR = re.compile(r"\.((?:fa|icon)-[\w-]+):before")
ICON_CLASS = re.compile(r"\b(?:fa|icon)-[a-z0-9-]+")
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")


def css_string(text):
    return CSS_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def glyphs_in_use(css, templates):
    """The characters that style rules draw (other than icon-class rules), and those of the icon
    classes the templates name."""
    drawn, icons = set(), {}
    for selectors, declarations in RULE.findall(css):
        characters = set("".join(css_string(text) for text in CONTENT.findall(declarations)))
        if not characters:
            continue
        selectors = [selector.strip() for selector in selectors.split(",")]
        if all(ICON_SELECTOR.fullmatch(selector) for selector in selectors):
            for selector in selectors:
                icons[ICON_SELECTOR.fullmatch(selector).group(1)] = characters
        else:
            drawn |= characters
    for name in set(ICON_CLASS.findall(templates)):
        drawn |= icons.get(name, set())
    return drawn


def cut_font(source: Path, characters, output: Path):
    """Write the glyphs of source that draw characters to output (woff2); return how many."""
    # the source's timestamp, not today's: the same theme gives the same file
    font = TTFont(source, recalcTimestamp=False)
    cmap = font.getBestCmap()
    kept = sorted(ord(character) for character in characters if ord(character) in cmap)
    options = subset.Options(layout_features=[], name_IDs=["*"])
    options.drop_tables += ["FFTM"]  # FontForge's timestamps, which fontTools cannot cut
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=kept)
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(output)
    return len(kept)


def main():
    css = "\n".join(path.read_text(encoding="utf-8")
                    for path in [THEME / "static/css/theme.css", *sorted((REPO / "_static/css").glob("*.css"))])
    templates = "\n".join(path.read_text(encoding="utf-8")
                          for folder in (THEME, REPO / "_templates") for path in sorted(folder.glob("*.html")))
    kept = cut_font(SOURCE, glyphs_in_use(css, templates), OUTPUT)
    print(f"{OUTPUT.relative_to(REPO)}: {kept} glyphs, {OUTPUT.stat().st_size:,} bytes "
          f"(the theme's: {SOURCE.stat().st_size:,})")


if __name__ == "__main__":
    main()
