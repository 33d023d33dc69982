/* The deck's side of the presenter console (c opens it): replaces hieroglyph's sync.js. The
   console registers by postMessage (which works between file:// windows too) and keeps doing so
   every second, so that it finds the deck again after the deck window reloads. The deck sends it
   every slide and the lecture's plan once, then its state after every change; the console sends
   back the deck's keys it is pressed. */
(function () {
  'use strict';
  var consoles = [];

  function state() {
    return {command: 'state', index: SlideDeck.curSlide(), count: SlideDeck.length(),
            blackout: document.body.classList.contains('deck-blacked-out'),
            overview: document.querySelector('section.slides').classList.contains('table')};
  }

  // The lecture's plan (#lecture-plan, written by _ext/lecture.py), each part with the index of
  // its first slide; null when the lecture has none.
  function plan() {
    var data = document.getElementById('lecture-plan');
    if (!data) return null;
    var parsed = JSON.parse(data.textContent);
    parsed.sections.forEach(function (section) {
      var slide = document.getElementById(section.id);
      slide = slide && slide.closest('section.slides > article');
      section.slide = slide ? Array.prototype.indexOf.call(slideEls, slide) : -1;
    });
    parsed.sections = parsed.sections.filter(function (section) { return section.slide >= 0; });
    return parsed;
  }

  // Every slide, with its images' addresses made absolute: the console is another page.
  function deck() {
    return {
      command: 'deck', title: document.title, plan: plan(),
      slides: Array.prototype.map.call(slideEls, function (slide) {
        var copy = slide.cloneNode(true);
        copy.querySelectorAll('img[src]').forEach(function (img) { img.setAttribute('src', img.src); });
        return {html: copy.outerHTML, id: slide.id, title: DeckTitle(slide)};
      }),
    };
  }

  function send(message, to) {
    consoles = consoles.filter(function (w) { return !w.closed; });
    (to ? [to] : consoles).forEach(function (w) { w.postMessage(message, '*'); });
  }

  window.addEventListener('message', function (event) {
    var data = event.data || {};
    if (!document.body.classList.contains('loaded')) return;  // the console asks again
    var known = consoles.indexOf(event.source) >= 0;
    if (data.command === 'register' && (!known || data.fresh)) {
      if (!known) consoles.push(event.source);
      send(deck(), event.source);
      send(state(), event.source);
    } else if (data.command === 'key' && known) {
      DeckKeys.press(data.key);
    }
  });

  ['slideenter', 'deckchange'].forEach(function (type) {
    document.addEventListener(type, function () { if (consoles.length) send(state()); });
  });

  DeckKeys.on('console', function () {
    window.open(DOCUMENTATION_OPTIONS.URL_ROOT + 'console.html', 'console',
                'menubar=no,location=no,resizable=yes,scrollbars=yes,status=yes');
  });
})();
