"""tools/icon_font.py: which icons the handbook's style sheets and templates draw, and the font
cut to exactly those. (That every icon a built page shows is in the committed font is
tests/test_browser.py's, in Chromium.)"""

from fontTools.ttLib import TTFont

from repo import REPO
from tools.icon_font import FONT, SOURCE, cut_font, glyphs_in_use

HOME, BARS, ARROW, LINK = "\uf015", "\uf0c9", "\uf0a9", "\uf0c1"
CSS = r"""
.fa-home:before, .icon-home:before { content: "\f015"; }
.fa-bars:before { content: "\f0c9"; }
.fa-arrow-circle-right:before { content: "\f0a9"; }
.fa-link:before, .headerlink:after { content: "\f0c1"; }
.rst-content .note .admonition-title:before { margin-right: 4px; }
"""


def test_a_rule_that_is_not_only_icon_classes_is_always_drawn():
    assert glyphs_in_use(CSS, templates="") == {LINK}


def test_an_icon_class_is_drawn_when_a_template_names_it():
    assert glyphs_in_use(CSS, '<a class="icon icon-home"></a> <i class="fa fa-bars"></i>') == {LINK, HOME, BARS}


def cmap(path):
    return set(TTFont(path).getBestCmap())


def test_the_cut_font_holds_exactly_the_glyphs_asked_for(tmp_path):
    output = tmp_path / "icons.woff2"
    kept = cut_font(SOURCE, {HOME, BARS, "\U0001f600"}, output)  # the last is no Font Awesome 4 icon
    assert kept == 2
    assert cmap(output) == {ord(HOME), ord(BARS)}
    assert TTFont(output).flavor == "woff2"
    assert output.stat().st_size < SOURCE.stat().st_size / 10


def test_cutting_twice_gives_the_same_bytes(tmp_path):
    # the same theme must give the same committed file, whatever the day
    cut_font(SOURCE, {HOME}, tmp_path / "a.woff2")
    cut_font(SOURCE, {HOME}, tmp_path / "b.woff2")
    assert (tmp_path / "a.woff2").read_bytes() == (tmp_path / "b.woff2").read_bytes()


def test_the_committed_font_has_the_home_and_menu_icons_and_not_the_whole_set():
    committed = cmap(REPO / "_static" / FONT)
    assert {ord(HOME), ord(BARS)} <= committed  # the home link and the narrow screen's menu
    assert len(committed) < len(cmap(SOURCE)) / 10
