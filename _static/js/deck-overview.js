/* The overview (t): every slide at once, in a grid that fits the window. Arrows choose a slide,
   Enter or a click shows it, t or Esc goes back. It uses hieroglyph's own overview state (the
   "table" class on the slides, which stops slides.js from moving) and lays the slides out itself;
   hieroglyph's toggleView is not used, as it needs jQuery. */
(function () {
  'use strict';
  var GAP = 12;       // px between two slides, and around the grid
  var MIN_WIDTH = 160; // px: below this a slide is unreadable, and the grid scrolls instead
  var chosen = 0;
  var columns = 1;

  function container() { return document.querySelector('section.slides'); }
  function isOpen() { return container().classList.contains('table'); }
  function changed() { document.dispatchEvent(new Event('deckchange')); }

  // The columns that give the largest slides, all of them in the window.
  function layout() {
    var count = slideEls.length, width = innerWidth - 2 * GAP, height = innerHeight - 2 * GAP;
    var best = {size: 0, columns: 1};
    for (var cols = 1; cols <= count; cols++) {
      var rows = Math.ceil(count / cols);
      var size = Math.min(width / cols - GAP, (height / rows - GAP) * 16 / 9);
      if (size > best.size) best = {size: size, columns: cols};
    }
    var size = Math.max(best.size, MIN_WIDTH);
    columns = best.size >= MIN_WIDTH ? best.columns : Math.max(1, Math.floor(width / (MIN_WIDTH + GAP)));
    container().style.setProperty('--u', (size / 100) + 'px');
    container().style.setProperty('--overview-columns', columns);
  }

  function choose(index) {
    chosen = Math.max(0, Math.min(slideEls.length - 1, index));
    slideEls.forEach(function (slide, i) {
      slide.classList.toggle('overview-chosen', i === chosen);
    });
    slideEls[chosen].scrollIntoView({block: 'nearest'});
    var announcer = document.getElementById('deck-announcer');
    if (announcer) {
      announcer.textContent = 'Slide ' + (chosen + 1) + ' of ' + slideEls.length + ': '
        + DeckTitle(slideEls[chosen]) + '. Enter shows it.';
    }
  }

  function open() {
    slideEls.forEach(function (slide) { slide.classList.remove.apply(slide.classList, SLIDE_CLASSES); });
    container().classList.add('table');
    layout();
    DeckKeys.setMode('overview');
    changed();
    choose(SlideDeck.curSlide());
  }

  function close(index) {
    var slides = container();
    slides.classList.remove('table');
    slides.style.removeProperty('--u');
    slides.style.removeProperty('--overview-columns');
    slideEls.forEach(function (slide) { slide.classList.remove('overview-chosen'); });
    DeckKeys.setMode('slides');
    SlideDeck.setLocation(index === undefined ? SlideDeck.curSlide() : index);
    changed();
  }

  var STEP = {ArrowLeft: -1, ArrowRight: 1, ArrowUp: 'up', ArrowDown: 'down'};

  DeckKeys.on('overview', function () { if (isOpen()) close(); else open(); });
  DeckKeys.on('close', function () { if (isOpen()) close(); });
  DeckKeys.on('select', function (detail) {
    var step = STEP[detail.key];
    if (step === 'up') step = -columns;
    if (step === 'down') step = columns;
    choose(chosen + step);
  });
  DeckKeys.on('open', function () { close(chosen); });

  window.addEventListener('resize', function () { if (isOpen()) layout(); });
  document.addEventListener('DOMContentLoaded', function () {
    // Before slides.js's own click handler, which would leave the overview behind our back.
    container().addEventListener('click', function (event) {
      var slide = isOpen() && event.target.closest('section.slides > article');
      if (!slide) return;
      event.stopPropagation();
      event.preventDefault();
      close(Array.prototype.indexOf.call(slideEls, slide));
    }, true);
  });
})();
