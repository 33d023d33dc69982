/* A thin bar along the deck's bottom edge: how far through the deck the current slide is. It is
   decoration (the live region says the slide number), so it is hidden from assistive technology. */
(function () {
  'use strict';
  var bar;

  document.addEventListener('DOMContentLoaded', function () {
    var track = document.createElement('div');
    track.className = 'deck-progress';
    track.setAttribute('aria-hidden', 'true');
    bar = document.createElement('div');
    track.appendChild(bar);
    document.body.appendChild(track);
    update();
  });

  function update() {
    if (!bar) return;
    var count = SlideDeck.length();
    bar.style.width = (count > 1 ? SlideDeck.curSlide() / (count - 1) * 100 : 100) + '%';
  }

  document.addEventListener('slideenter', update);
})();
