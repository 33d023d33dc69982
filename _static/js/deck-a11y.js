/* The deck for screen readers: only the current slide is in the accessibility tree (the others
   are inert: hidden from assistive technology, not focusable, not clickable), and each move is
   announced in a polite live region ("Slide 4 of 25: Title"). In the overview every slide is
   there to be chosen. */
(function () {
  'use strict';
  var announcer;

  function update(event) {
    var container = document.querySelector('section.slides');
    var overview = container.classList.contains('table');
    var current = container.querySelector(':scope > article.current');
    slideEls.forEach(function (slide) { slide.inert = !overview && slide !== current; });
    if (event.type === 'slideenter' && current && announcer) {
      var number = Array.prototype.indexOf.call(slideEls, current) + 1;
      announcer.textContent = 'Slide ' + number + ' of ' + slideEls.length + ': ' + DeckTitle(current);
    }
  }

  document.addEventListener('slideenter', update);
  document.addEventListener('deckchange', update);
  document.addEventListener('DOMContentLoaded', function () {
    // After slides.js has shown the first slide: the opening slide is not announced.
    announcer = document.createElement('div');
    announcer.id = 'deck-announcer';
    announcer.className = 'deck-sr-only';
    announcer.setAttribute('role', 'status');
    announcer.setAttribute('aria-live', 'polite');
    document.body.appendChild(announcer);
  });
})();
