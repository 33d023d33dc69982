/* Full screen (f), in the deck or in the console, and back. */
import {on} from "./keys.js";

on('fullscreen', () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen().catch(() => {});
});
