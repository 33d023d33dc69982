/* Moving through the deck: the navigation keys, and the address. hieroglyph's slides.js reads
   the address (#3, or a section's id) once, when the deck opens; here a changed address, typed or
   reached with Back, moves the open deck too. slides.js itself rewrites the address after every
   move (location.replace), which changes nothing here. */
import {on} from "./keys.js";
import {currentIndex, indexOf, overviewOpen} from "./state.js";
import {close as closeOverview} from "./overview.js";

// Show slide index (0-based), leaving the overview first when it is open.
function show(index) {
  index = Math.max(0, Math.min(SlideDeck.length() - 1, index));
  if (overviewOpen()) closeOverview();
  if (index !== currentIndex()) SlideDeck.setLocation(index);
}

// The 0-based slide an address names: "#4", or the id of a slide or of something on it.
function slideOf(hash) {
  const name = decodeURIComponent(hash.replace(/^#/, ''));
  if (/^[0-9]+$/.test(name)) return Number(name) - 1;
  return indexOf(name && document.getElementById(name));
}

on('next', () => { if (!overviewOpen()) SlideDeck.nextSlide(); });
on('previous', () => { if (!overviewOpen()) SlideDeck.prevSlide(); });
on('first', () => { if (!overviewOpen()) show(0); });
on('last', () => { if (!overviewOpen()) show(SlideDeck.length() - 1); });
on('goto', (detail) => show(detail.number - 1));

window.addEventListener('hashchange', () => {
  const index = slideOf(location.hash);
  if (index >= 0 && index !== currentIndex()) show(index);
});
