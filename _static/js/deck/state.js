/* What the deck's scripts ask about the deck: its slides, the current one, whether the overview
   is open, a slide's number and title. hieroglyph's slides.js holds the deck (SlideDeck, and
   slideEls, the slides in order); the overview is its "table" class on the slides' container. */

export function container() {
  return document.querySelector('section.slides');
}

export function slides() {
  return slideEls;
}

export function currentIndex() {
  return SlideDeck.curSlide();
}

export function overviewOpen() {
  const box = container();  // none while the page is still read: a resize then asks too
  return box !== null && box.classList.contains('table');
}

// The 0-based index of a slide, or of the slide an element is on; -1 when it is on none.
export function indexOf(element) {
  const slide = element && element.closest('section.slides > article');
  return slide ? Array.prototype.indexOf.call(slideEls, slide) : -1;
}

// A slide's title, without the link to the handbook beside it.
export function titleOf(slide) {
  const heading = slide.querySelector('h1, h2, h3, h4, h5, h6');
  if (!heading) return '';
  const copy = heading.cloneNode(true);
  copy.querySelectorAll('a.headerlink').forEach((link) => link.remove());
  return copy.textContent.trim();
}
