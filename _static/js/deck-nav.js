/* Moving through the deck: the navigation keys, and the address. hieroglyph's slides.js reads
   the address (#3, or a section's id) once, when the deck opens; here a changed address, typed or
   reached with Back, moves the open deck too. slides.js itself rewrites the address after every
   move (location.replace), which changes nothing here. */
(function () {
  'use strict';
  var deck = SlideDeck;

  function overviewOpen() {
    return document.querySelector('section.slides').classList.contains('table');
  }

  // Show slide index (0-based), leaving the overview first when it is open.
  function show(index) {
    index = Math.max(0, Math.min(deck.length() - 1, index));
    if (overviewOpen()) DeckKeys.run('overview');
    if (index !== deck.curSlide()) deck.setLocation(index);
  }

  // The 0-based slide an address names: "#4", or the id of a slide or of something on it.
  function slideOf(hash) {
    var name = decodeURIComponent(hash.replace(/^#/, ''));
    if (/^[0-9]+$/.test(name)) return Number(name) - 1;
    var target = name && document.getElementById(name);
    var slide = target && target.closest('section.slides > article');
    return slide ? Array.prototype.indexOf.call(slideEls, slide) : -1;
  }

  DeckKeys.on('next', function () { if (!overviewOpen()) deck.nextSlide(); });
  DeckKeys.on('previous', function () { if (!overviewOpen()) deck.prevSlide(); });
  DeckKeys.on('first', function () { if (!overviewOpen()) show(0); });
  DeckKeys.on('last', function () { if (!overviewOpen()) show(deck.length() - 1); });
  DeckKeys.on('goto', function (detail) { show(detail.number - 1); });

  // A slide's title, without the link to the handbook beside it.
  function titleOf(slide) {
    var heading = slide.querySelector('h1, h2, h3, h4, h5, h6');
    if (!heading) return '';
    var copy = heading.cloneNode(true);
    copy.querySelectorAll('a.headerlink').forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }
  window.DeckTitle = titleOf;

  window.addEventListener('hashchange', function () {
    var index = slideOf(location.hash);
    if (index >= 0 && index !== deck.curSlide()) show(index);
  });
})();
