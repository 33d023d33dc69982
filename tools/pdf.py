"""`make pdf`: print each lecture with headless chromium, offline, into BUILDDIR/html/pdf/.

  <lecture>-slides.pdf   the deck, one slide per page, the page the size of a slide; speaker
                         notes left out, as on the projector; text selectable; a bookmark per slide
  <lecture>-handout.pdf  the handbook page of the lecture on A4, speaker notes and answers in

Usage: python -m tools.pdf BUILDDIR   (after `make html slides BUILDDIR=BUILDDIR`)
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.browser import Traffic, launch, wait_for_deck
from tools.sitemap import SiteMap, lectures

SITE = SiteMap.of_project()

# Chromium draws the footer apart from the page, so its style cannot come from a style sheet.
HANDOUT_FOOTER = """<div style="font-size: 8px; width: 100%; margin: 0 15mm; display: flex;
  justify-content: space-between; color: #555;"><span>{title}</span>
  <span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>"""


# The window the deck is printed from: a 1280x720 projector.
SLIDE_WINDOW = {"width": 1280, "height": 720}
# How long a page may take to load and settle (ms): Playwright's 30 s default ran out on a
# 2-core machine busy with other builds, and a slow PDF is better than none.
LOAD_LIMIT = 120_000


def check_traffic(traffic: Traffic, what: str):
    """A PDF must not silently lack a figure, a style sheet or a font, nor use the network."""
    remote = traffic.remote()
    if remote:
        raise SystemExit(f"pdf: {what} asks the network for {remote}")
    missing = [url for url, _ in traffic.failed]
    if missing:
        raise SystemExit(f"pdf: {what} could not load {missing}")


def print_deck(browser, page_file: Path, out: Path):
    context = browser.new_context(viewport=SLIDE_WINDOW)
    context.set_default_timeout(LOAD_LIMIT)
    traffic = Traffic(context)
    page = context.new_page()
    page.goto(page_file.as_uri())
    wait_for_deck(page)
    page.wait_for_load_state("networkidle")
    check_traffic(traffic, page_file.name)
    # every slide as the projector shows the current one, its builds complete (deck.css's
    # @media print then puts them one to a page)
    page.evaluate("""() => {
        for (const slide of document.querySelectorAll('section.slides > article')) {
            slide.classList.remove('far-past', 'past', 'next', 'far-next');
            slide.classList.add('current');
        }
        document.querySelectorAll('.to-build').forEach(item => item.classList.remove('to-build'));
    }""")
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready.then(() => true)")
    # the page size and the one-slide-a-page layout are deck.css's (@media print)
    page.pdf(path=out, prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    slides = page.locator("section.slides > article").count()
    context.close()
    return slides


def print_handout(browser, page_file: Path, out: Path):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(LOAD_LIMIT)
    traffic = Traffic(context)
    page = context.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_load_state("networkidle")
    check_traffic(traffic, page_file.name)
    # what the reader's browser does before printing: sphinx-togglebutton opens the answers
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready.then(() => true)")
    title = page.evaluate("(document.querySelector('h1') || {}).innerText || document.title")
    footer = HANDOUT_FOOTER.format(title=title.replace("<", "&lt;"))
    margin = {"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
    page.pdf(path=out, format="A4", margin=margin,
             print_background=True, outline=True, tagged=True, display_header_footer=True,
             header_template="<span></span>", footer_template=footer)
    context.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("builddir", type=Path, help="the BUILDDIR of `make html slides`")
    args = parser.parse_args(argv)
    # chromium opens the pages by file:// URL, which only an absolute path has
    site = args.builddir.resolve() / "html"
    missing = [SITE.deck_page(lecture.docname) for lecture in lectures() if not (site / SITE.deck_page(lecture.docname)).is_file()]
    if missing:
        raise SystemExit(f"pdf: {', '.join(missing)} not in {site}: run `make html slides` first")
    out = site / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for lecture in lectures():
                slides = print_deck(browser, site / SITE.deck_page(lecture.docname), site / SITE.pdfs(lecture)["slides"])
                print(f"pdf: {site / SITE.pdfs(lecture)['slides']} ({slides} slides)")
                print_handout(browser, site / SITE.handbook_page(lecture.docname), site / SITE.pdfs(lecture)["handout"])
                print(f"pdf: {site / SITE.pdfs(lecture)['handout']}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
