/* The presenter console's scripts (console.html): _ext/deck_bundle.py writes them into
   _static/js/console.js. The keys, the help and full screen are the deck's own modules. */
import "../deck/keys.js";
import "./view.js";
import "./timer.js";
import "./rehearsal.js";
import "../deck/fullscreen.js";
import "../deck/help.js";
