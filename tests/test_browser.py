"""The course as people meet it: the deck and the handbook in a real browser (Debian's chromium,
headless, with the network cut off): what no one script of _static/js/ does alone. Each script
has its own test module (_static/js/deck/keys.js: test_deck_keys.py); the handbook's dark palette,
its fold buttons and axe-core on every page, light and dark, are in test_handbook.py.

Each check is a plain function of (browser, url): the tests run it on the real build, and the
break tests run the same function on a copy of the build broken on purpose and expect it to fail,
so that a check which cannot fail does not pass unnoticed. Slide counts, titles, notes and
figures are read from the built pages, not written down here.

The browser is required, never skipped: without chromium these tests fail and say to run
`make browser`.
"""

import re

import pytest
from fontTools.ttLib import TTFont
from playwright.sync_api import expect

from browsing import (DECKS, EXERCISES, HANDBOOK_LECTURES, LECTURE_DECK, LECTURE_DECKS, QUOTE,
                      SCREENS, deck_state, expect_slide, go_to_slide, inject, new_page, normalize,
                      notes_of_current_slide, open_deck, slides_with_notes)
from repo import SITE
from tools.browser import serve, wait_for_deck
from tools.sitemap import lectures
from tools.icon_font import FONT, SOURCE

ICON_FONT = "_static/" + FONT

LECTURE_NAMES = [lecture.name for lecture in lectures()]

# Only the break tests ask for this host (a name reserved for examples, RFC 2606).
BREAK_HOST = "example.com"


# -- the checks, each used by a test and (for the deck) by a test that breaks a copy --

def check_loads_offline(browser, url):
    """The page loads with nothing asked of the network, no error in the console, nothing missing."""
    context, page, traffic = new_page(browser)
    try:
        page.goto(url)
        if "/slides/" in url and page.locator("section.slides").count():
            wait_for_deck(page)
        page.wait_for_load_state("networkidle")
        remote = traffic.remote()
        assert remote == [], f"{url}: requests left the machine: {remote}"
        # chromium asks an HTTP server for /favicon.ico by itself; the site does not link one
        errors = [e for e in traffic.console_errors if "/favicon.ico" not in e]
        assert errors == [], f"{url}: console errors: {errors}"
        assert traffic.page_errors == [], f"{url}: uncaught script errors: {traffic.page_errors}"
        assert traffic.failed == [], f"{url}: failed requests: {traffic.failed}"
    finally:
        context.close()


def check_notes_hidden(browser, url):
    """On every slide with speaker notes, the projected slide shows none of them."""
    context, page, _ = open_deck(browser, url)
    try:
        with_notes = slides_with_notes(page)
        assert with_notes, f"{url}: no slide has speaker notes (div.admonition.note)"
        for n in with_notes:
            go_to_slide(page, n)
            shown = page.inner_text("section.slides > article.current")
            for note in notes_of_current_slide(page):
                assert normalize(note) not in normalize(shown), \
                    f"{url}: slide {n} shows its speaker note: {note.strip()[:QUOTE]!r}"
            visible = page.locator("section.slides > article.current div.admonition.note").evaluate_all(
                "notes => notes.filter(n => n.checkVisibility()).length")
            assert visible == 0, f"{url}: slide {n} shows {visible} speaker note(s)"
    finally:
        context.close()


FITS = """() => {
  const scrolls = (el, style) => {
    const out = [];
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1
        || style.overflowX === 'scroll') out.push('sideways');
    if (['auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1
        || style.overflowY === 'scroll') out.push('up and down');
    return out;
  };
  const problems = [];
  // the window scrolls as <html> says, or as <body> says when <html> leaves it visible
  const root = document.documentElement, html = getComputedStyle(root);
  const viewportStyle = html.overflowX === 'visible' && html.overflowY === 'visible'
      ? getComputedStyle(document.body) : html;
  for (const way of scrolls(root, viewportStyle))
    problems.push(`the window scrolls ${way} (page ${root.scrollWidth}x${root.scrollHeight})`);
  const slide = document.querySelector('section.slides > article.current');
  const box = slide.getBoundingClientRect();
  if (box.left < -0.5 || box.top < -0.5 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5)
    problems.push(`the slide (${Math.round(box.width)}x${Math.round(box.height)} at `
                  + `${Math.round(box.left)},${Math.round(box.top)}) does not fit the window`);
  if (slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1)
    problems.push(`its content (${slide.scrollWidth}x${slide.scrollHeight}) overflows the slide `
                  + `(${slide.clientWidth}x${slide.clientHeight})`);
  for (const el of slide.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none') continue;
    for (const way of scrolls(el, style))
      problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> scrolls ${way}`);
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > box.right + 1 || r.bottom > box.bottom + 1))
      problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> sticks out of the slide`);
  }
  return problems;
}"""


def check_slides_fit(browser, url, viewport):
    """Every slide fits the window whole, with no scrollbar on the window or inside the slide."""
    context, page, _ = open_deck(browser, url, viewport)
    try:
        page.add_style_tag(content="* { transition: none !important; }")
        count = deck_state(page)["count"]
        problems = []
        for n in range(1, count + 1):
            go_to_slide(page, n)
            problems += [f"slide {n}: {p}" for p in page.evaluate(FITS)]
        size = f"{viewport['width']}x{viewport['height']}"
        assert problems == [], f"{url} at {size}:\n" + "\n".join(problems)
    finally:
        context.close()


def check_search(browser, base, query, expected_pages):
    """Typing query into the handbook's search box lists the expected pages."""
    context, page, _ = new_page(browser)
    try:
        page.goto(base + "index.html")
        page.fill("input[name=q]", query)
        page.press("input[name=q]", "Enter")
        page.wait_for_url(re.compile(r"search\.html\?q="))
        page.wait_for_function("() => /finished/i.test((document.querySelector("
                               "'#search-results .search-summary') || {}).textContent)")
        found = page.eval_on_selector_all("#search-results ul.search li > a",
                                          "links => links.map(a => a.href.split(/[?#]/)[0])")
        for expected in expected_pages:
            assert base + expected in found, f"searching {query!r} does not find {expected}: {found}"
    finally:
        context.close()


COPYABLE = """() => [...document.querySelectorAll('div.highlight')]
  .filter(block => block.querySelector('button.copybtn'))
  .map(block => {
    const pre = block.querySelector('pre');
    const prompts = [...pre.querySelectorAll('.gp')].map(e => e.textContent);
    const output = new Set([...pre.querySelectorAll('.go')].flatMap(e => e.textContent.split('\\n'))
                             .map(l => l.trim()).filter(Boolean));
    return {prompts, output: [...output], lines: pre.textContent.split('\\n')};
  })"""


def expected_copy(block):
    """What a reader wants pasted: the command lines, without their prompts, without output."""
    lines = []
    for line in block["lines"]:
        if line.strip() in block["output"]:
            continue
        for prompt in block["prompts"]:
            if line.startswith(prompt):
                line = line[len(prompt):]
                break
        if line.strip():
            lines.append(line.rstrip())
    return lines


def open_every_toggle(page):
    """Unfold every folded answer, as a reader would: a click on its title or summary."""
    for folded in ("div.admonition.toggle-hidden > .admonition-title", "details:not([open]) > summary"):
        titles = page.locator(folded)
        for _ in range(titles.count()):  # each click unfolds one, and it leaves the list
            titles.first.click()


def check_copy_buttons(browser, url):
    """Every copy button puts the commands of its block on the clipboard, without the prompts
    and without the output. Returns how many blocks have a copy button."""
    context, page, _ = new_page(browser, permissions=["clipboard-read", "clipboard-write"])
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        open_every_toggle(page)  # a block in a folded answer is copied once it is unfolded
        blocks = page.evaluate(COPYABLE)
        buttons = page.locator("div.highlight button.copybtn")
        assert buttons.count() == len(blocks)
        for i, block in enumerate(blocks):
            page.evaluate("navigator.clipboard.writeText('')")
            buttons.nth(i).click()
            page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''")
            copied = page.evaluate("navigator.clipboard.readText()")
            got = [line.rstrip() for line in copied.split("\n") if line.strip()]
            assert got == expected_copy(block), f"{url}: copy button {i + 1} copied {copied!r}"
            for prompt in block["prompts"] + ["$ ", ">>> "]:  # typed prompts, too
                assert not any(line.startswith(prompt) for line in got), \
                    f"{url}: copy button {i + 1} copied the prompt {prompt!r}: {copied!r}"
        return len(blocks)
    finally:
        context.close()


QUIZ_TOGGLES = "div.admonition.toggle, details"


def check_quiz_answers(browser, url):
    """Every answer (a togglebutton dropdown or a <details>) is hidden until its reader opens it.
    Returns how many there are."""
    context, page, _ = new_page(browser)
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        toggles = page.locator(QUIZ_TOGGLES)
        for i in range(toggles.count()):
            toggle = toggles.nth(i)
            if toggle.evaluate("e => e.tagName") == "DETAILS":
                body = toggle.locator(":scope > :not(summary)")
                opener = toggle.locator(":scope > summary")
            else:
                body = toggle.locator(":scope > :not(.admonition-title)")
                opener = toggle.locator(":scope > .admonition-title")
            text = normalize(" ".join(body.all_text_contents()))
            assert body.count() and text, f"{url}: answer {i + 1} is empty"
            assert not any(body.nth(j).is_visible() for j in range(body.count())), \
                f"{url}: answer {i + 1} is shown before it is opened: {text[:QUOTE]!r}"
            assert text not in normalize(page.inner_text("body")), \
                f"{url}: answer {i + 1} can be read before it is opened: {text[:QUOTE]!r}"
            opener.click()
            for j in range(body.count()):  # waits for the unfolding, as a reader does
                expect(body.nth(j), f"{url}: answer {i + 1} stays hidden after it is opened").to_be_visible()
        return toggles.count()
    finally:
        context.close()


def sample(links):
    """The first, middle and last link: a browser follows these, test_site.py reads them all."""
    return links if len(links) <= 3 else [links[0], links[len(links) // 2], links[-1]]


def check_sections_link_to_slides(browser, handbook_url, deck_url):
    """Each section's slide link (§) opens the deck on that section's slide; "View as slides"
    opens the deck on its first slide; a browser follows three of the links (sample)."""
    context, page, _ = new_page(browser)
    try:
        page.goto(handbook_url)
        links = page.eval_on_selector_all("a.headerlink.slide-link",
                                          "links => links.map(a => [a.href, a.closest('section').id])")
        assert links, f"{handbook_url}: no section links to its slides"
        for href, section in sample(links):
            assert href.split("#")[0] == deck_url, f"{section}: links to {href}, not to {deck_url}"
            page.goto("about:blank")  # a new visit to the deck, as from the handbook
            page.goto(href)
            wait_for_deck(page)
            state = deck_state(page)
            landed = page.evaluate("id => { const slide = document.querySelector("
                                   "'section.slides > article.current'); return slide.id === id"
                                   " || !!slide.querySelector(`[id='${id}']`); }", section)
            assert landed, f"§ of section {section!r} opens slide {state['index']} ({state['id']!r})"
            assert state["hash"] == f"#{state['index']}"
        # a reader clicks, too: the § of the last section, then "View as slides" on the way back
        page.goto(handbook_url)
        heading = page.locator("a.headerlink.slide-link").last.locator("xpath=..")
        heading.hover()
        page.locator("a.headerlink.slide-link").last.click()
        wait_for_deck(page)
        assert page.url.split("#")[0] == deck_url
        assert deck_state(page)["id"] == links[-1][1]
        page.go_back()
        page.click("a.slides-link")
        wait_for_deck(page)
        assert page.url.split("#")[0] == deck_url
        expect_slide(page, 1, after='clicking "View as slides"')
    finally:
        context.close()


def check_slides_link_to_sections(browser, deck_url, handbook_url):
    """Each slide's title links to the same section of the handbook, scrolled into view.
    A browser follows three of the links (sample)."""
    context, page, _ = open_deck(browser, deck_url)
    try:
        links = page.eval_on_selector_all(
            "section.slides > article > :is(h1, h2, h3, h4, h5, h6) > a.headerlink",
            "links => links.map(a => [a.href, a.closest('article').id, a.parentElement.textContent])")
        count = deck_state(page)["count"]
        assert len(links) == count, f"{deck_url}: {count} slides, {len(links)} links to the handbook"
        for href, slide, _ in links:
            target, _, section = href.partition("#")
            assert target == handbook_url, f"slide {slide!r} links to {href}, not to {handbook_url}"
            assert section == slide, f"slide {slide!r} links to section {section!r}"
        for href, slide, title in sample(links):
            section = href.partition("#")[2]
            page.goto("about:blank")  # a new visit to the handbook, as from the deck
            page.goto(href)
            place = page.evaluate("""id => { const e = document.getElementById(id); if (!e) return null;
                const end = scrollY + innerHeight >= document.scrollingElement.scrollHeight - 2;
                return {top: e.getBoundingClientRect().top, end, height: innerHeight}; }""", section)
            title = title.strip(" §")
            assert place is not None, f"slide {title!r} links to {section!r}, which the handbook lacks"
            # the section starts at the top of the window, or the page is scrolled to its end
            in_view = abs(place["top"]) <= 2 or (place["end"] and 0 <= place["top"] < place["height"])
            assert in_view, f"section {section!r} is at {place['top']}px, not in view"
        # and a click on the first slide's title link
        page.goto(deck_url)
        wait_for_deck(page)
        page.hover("section.slides > article.current > :is(h1, h2, h3, h4, h5, h6)")
        page.click("section.slides > article.current > :is(h1, h2, h3, h4, h5, h6) > a.headerlink")
        page.wait_for_url(re.compile(re.escape(handbook_url) + "#"))
    finally:
        context.close()


# What a page draws in Font Awesome (the theme's icons): each character, and where.
ICONS_DRAWN = """() => [...document.querySelectorAll('*')].flatMap(element => ['::before', '::after']
  .map(pseudo => getComputedStyle(element, pseudo))
  .filter(style => style.fontFamily.includes('FontAwesome') && style.content.startsWith('"'))
  .flatMap(style => [...JSON.parse(style.content)]
    .map(character => [character.codePointAt(0), element.className || element.tagName])))"""


def check_icons_in_font(browser, base, pages, font):
    """Every icon the pages draw from the theme's Font Awesome is a glyph of the font the site ships."""
    theme_glyphs = TTFont(SOURCE).getBestCmap()
    shipped_glyphs = TTFont(font).getBestCmap()
    context, page, _ = new_page(browser)
    missing = set()
    try:
        for name in pages:
            page.goto(base + name)
            page.wait_for_load_state("load")
            missing |= {f"{name}: U+{code:04X} ({where})" for code, where in page.evaluate(ICONS_DRAWN)
                        if code in theme_glyphs and code not in shipped_glyphs}
    finally:
        context.close()
    assert not missing, "icons missing from the cut font (run python -m tools.icon_font):\n" + "\n".join(sorted(missing))


FIGURE_NAMES = r"""() => {
  const text = id => (document.getElementById(id) || {}).textContent || '';
  const nameOf = el => {
    const labelled = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    if (labelled.length) return labelled.map(text).join(' ');
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    if (el.tagName === 'IMG' && el.getAttribute('alt')) return el.getAttribute('alt');
    if (el.tagName.toLowerCase() === 'svg') {
      const title = el.querySelector(':scope > title');
      if (title) return title.textContent;
    }
    return el.getAttribute('title') || (el.tagName === 'OBJECT' ? el.textContent : '');
  };
  const where = el => {
    const slide = el.closest('section.slides > article');
    const section = el.closest('section[id]');
    return slide ? `slide ${slide.id}` : section ? `section ${section.id}` : 'page';
  };
  return [...document.querySelectorAll('img, svg, object, [role=img]')]
    .filter(el => !el.closest('button, summary, [aria-hidden=true]'))
    .filter(el => !(el.tagName.toLowerCase() === 'svg' && el.closest('img, object, [role=img]') !== el
                    && el.parentElement.closest('[role=img]')))
    .map(el => ({name: nameOf(el).trim(), what: el.tagName.toLowerCase(),
                 src: el.getAttribute('src') || el.getAttribute('data') || '', where: where(el)}));
}"""
FILE_NAME = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|gif|svg|webp|pdf)$", re.IGNORECASE)


def check_figures_named(browser, url):
    """Every image has a name a screen reader can say, and a file name is not one. Returns how
    many images there are."""
    context, page, _ = new_page(browser)
    try:
        page.goto(url)
        figures = page.evaluate(FIGURE_NAMES)
        unnamed = [f for f in figures if not f["name"] or FILE_NAME.search(f["name"])]
        assert unnamed == [], f"{url}: images without a name: {unnamed}"
        return len(figures)
    finally:
        context.close()


# -- the deck --

@pytest.mark.parametrize("deck", DECKS)
def test_deck_loads_offline_without_errors(chromium, site_url, deck):
    check_loads_offline(chromium, site_url(deck))


@pytest.mark.parametrize("deck", LECTURE_DECKS)
def test_speaker_notes_are_not_projected(chromium, site_url, deck):
    check_notes_hidden(chromium, site_url(deck))


@pytest.mark.parametrize("viewport", SCREENS, ids=lambda v: f"{v['width']}x{v['height']}")
@pytest.mark.parametrize("deck", DECKS)
def test_every_slide_fits_the_screen(chromium, server, deck, viewport):
    check_slides_fit(chromium, server + deck, viewport)


# -- the handbook --

@pytest.mark.parametrize("page", ["index.html"] + HANDBOOK_LECTURES + EXERCISES)
def test_handbook_page_loads_offline_without_errors(chromium, site_url, page):
    check_loads_offline(chromium, site_url(page))


def handbook_pages(site):
    """Every page of the handbook: the site's pages that load the theme's style sheet."""
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html")
                  if "_static" not in path.parts and "css/theme.css" in path.read_text(encoding="utf-8"))


def test_every_icon_shown_is_in_the_cut_font(chromium, course_build, server):
    pages = handbook_pages(course_build)
    assert HANDBOOK_LECTURES[0] in pages and "search.html" in pages
    check_icons_in_font(chromium, server, pages, course_build / ICON_FONT)


def test_an_icon_the_font_lacks_fails_the_icon_check(chromium, site_copy):
    inject(site_copy / HANDBOOK_LECTURES[0], '<style>h1::after { font-family: FontAwesome; content: "\\f135" }</style>')
    with serve(site_copy) as base, pytest.raises(AssertionError, match="U\\+F135"):
        check_icons_in_font(chromium, base, [HANDBOOK_LECTURES[0]], site_copy / ICON_FONT)


def test_search_for_conda_finds_the_lecture(chromium, server):
    check_search(chromium, server, "conda", ["slides/1-1-1-environment-management.html"])


def test_copy_buttons_copy_the_commands(chromium, server):
    blocks = sum(check_copy_buttons(chromium, server + page)
                 for page in HANDBOOK_LECTURES + EXERCISES)
    assert blocks >= 1, "no code block with a copy button in the lectures and exercises"


# A shell session as Sphinx writes `.. code-block:: console`: prompts (.gp) and output (.go).
CONSOLE_BLOCK = """<div class="highlight-console notranslate"><div class="highlight"><pre><span></span><span class="gp">$ </span>conda<span class="w"> </span>env<span class="w"> </span>create<span class="w"> </span>-f<span class="w"> </span>environment.yml
<span class="go">Collecting package metadata (repodata.json): done</span>
<span class="go">Solving environment: done</span>
<span class="gp">(base) $ </span>conda<span class="w"> </span>activate<span class="w"> </span>practice
</pre></div></div>"""


def test_copy_buttons_leave_prompts_and_output_out(chromium, site_copy):
    """The site's copybutton settings on a shell session, whatever the lectures show today."""
    page = site_copy / HANDBOOK_LECTURES[0]
    text = page.read_text(encoding="utf-8")
    marker = '<div itemprop="articleBody">'
    assert marker in text
    page.write_text(text.replace(marker, marker + CONSOLE_BLOCK, 1), encoding="utf-8")
    with serve(site_copy) as base:
        assert check_copy_buttons(chromium, base + HANDBOOK_LECTURES[0]) >= 1
        context, tab, _ = new_page(chromium, permissions=["clipboard-read", "clipboard-write"])
        try:
            tab.goto(base + HANDBOOK_LECTURES[0])
            tab.locator("div.highlight-console button.copybtn").first.click()
            copied = tab.evaluate("navigator.clipboard.readText()")
        finally:
            context.close()
    assert copied.split() == "conda env create -f environment.yml conda activate practice".split()


def test_quiz_answers_are_hidden_until_opened(chromium, server):
    answers = sum(check_quiz_answers(chromium, server + page)
                  for page in HANDBOOK_LECTURES + EXERCISES)
    assert answers >= 1, "no quiz answer (dropdown admonition, <details>) in lectures or exercises"


# Every link from the local server (as published); three of them from file://, for the paths.
@pytest.mark.parametrize("lecture", LECTURE_NAMES)
def test_section_links_open_their_slides(chromium, site_url, lecture):
    check_sections_link_to_slides(chromium, site_url(SITE.handbook_page(f"slides/{lecture}")),
                                  site_url(SITE.deck_page(f"slides/{lecture}")))


@pytest.mark.parametrize("lecture", LECTURE_NAMES)
def test_slide_links_open_their_sections(chromium, site_url, lecture):
    check_slides_link_to_sections(chromium, site_url(SITE.deck_page(f"slides/{lecture}")),
                                  site_url(SITE.handbook_page(f"slides/{lecture}")))


# -- accessibility --

def test_every_figure_has_a_name(chromium, server):
    images = sum(check_figures_named(chromium, server + page)
                 for page in DECKS + HANDBOOK_LECTURES + EXERCISES + ["index.html"])
    assert images >= 1, "no image anywhere: nothing was checked"


# -- each deck check fails on a deck broken on purpose --


@pytest.mark.parametrize("remote", [
    f'<script src="https://{BREAK_HOST}/x.js"></script>',
    f'<link rel="stylesheet" href="https://fonts.{BREAK_HOST}/css2?family=Open+Sans">',
    f'<style>@font-face {{ font-family: Far; src: url(https://{BREAK_HOST}/far.woff2); }}'
    ' body * { font-family: Far !important; }</style>',
], ids=["script", "stylesheet", "font"])
def test_a_remote_request_fails_the_offline_check(chromium, site_copy, remote):
    inject(site_copy / LECTURE_DECK, remote)
    with pytest.raises(AssertionError, match="requests left the machine"):
        check_loads_offline(chromium, (site_copy / LECTURE_DECK).as_uri())


def test_projected_notes_fail_the_notes_check(chromium, site_copy):
    inject(site_copy / LECTURE_DECK, "<style>.slides div.admonition.note { display: block !important;"
                                       " visibility: visible !important; }</style>")
    with pytest.raises(AssertionError, match="shows its speaker note"):
        check_notes_hidden(chromium, (site_copy / LECTURE_DECK).as_uri())
