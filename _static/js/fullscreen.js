/* Full screen (f), in the deck or in the console, and back. */
(function () {
  'use strict';
  DeckKeys.on('fullscreen', function () {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen().catch(function () {});
  });
})();
