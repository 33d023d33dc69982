/* The deck page's scripts, in the order they set up (a module runs after what it imports):
   _ext/deck_bundle.py writes them into _static/js/deck.js, which the deck's layout loads after
   hieroglyph's slides.js. */
import "./viewport.js";
import "./keys.js";
import "./nav.js";
import "./a11y.js";
import "./progress.js";
import "./overview.js";
import "./blackout.js";
import "./fullscreen.js";
import "./help.js";
import "./console.js";
import "./touch.js";
