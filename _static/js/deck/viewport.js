/* The deck at the width of the device: hieroglyph's slides.js adds a viewport of 1100x750 pixels
   when the deck opens (addGeneralStyle, for 2012's tablets), so a phone lays the page out 1100px
   wide and shows it zoomed out, the slide at its top and its neighbours beside it. This gives that
   viewport the device's width, as layout.html's has (Chromium keeps the zoom of a viewport that is
   removed, so it is changed instead); deck.css then fits the slide to the screen. */
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('meta[name="viewport"]').forEach((meta) => {
    meta.content = 'width=device-width, initial-scale=1';
  });
});
