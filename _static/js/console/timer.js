/* The console's clock, the time elapsed since the first move (p pauses and resumes it, r sets it
 back to 0:00 until the next move), and the pacing: the lecture's plan gives minutes to each of
 its parts, spread evenly over the part's slides; the console says in words where the plan is
 now and whether the presenter is ahead of it or behind. */
import {on} from "../deck/keys.js";
import {currentDeck, currentState} from "./view.js";

let elapsed = 0;     // ms counted before `since`
let since = null;    // when the timer last started, or null when it is stopped
let started = false; // whether it has started since the console opened or was reset
let paused = false;

function now() { return Date.now(); }
function total() { return elapsed + (since === null ? 0 : now() - since); }
export function running() { return since !== null; }

// Two digits: 9 -> "09".
function pad(n) { return (n < 10 ? '0' : '') + n; }

function mmss(ms) {
  var s = Math.floor(ms / 1000);
  var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
  return (h ? h + ':' + pad(m) : m) + ':' + pad(s % 60);
}

function minutes(n) {
  n = Math.round(n);
  return n + (n === 1 ? ' minute' : ' minutes');
}

function changed() { document.dispatchEvent(new CustomEvent('consoletimer')); }

function start() { if (!running()) { since = now(); changed(); } }
function stop() { if (running()) { elapsed = total(); since = null; changed(); } }

// Minutes into the plan at which slide `index` starts.
function plannedStart(plan, count, index) {
  var at = 0;
  for (var k = 0; k < plan.sections.length; k++) {
    var section = plan.sections[k];
    var first = k === 0 ? 0 : section.slide;
    var end = k + 1 < plan.sections.length ? plan.sections[k + 1].slide : count;
    if (index < end) return at + section.minutes * (index - first) / Math.max(1, end - first);
    at += section.minutes;
  }
  return at;
}

// The part the plan is in after `mins` minutes.
function plannedSection(plan, mins) {
  var at = 0;
  for (var k = 0; k < plan.sections.length; k++) {
    at += plan.sections[k].minutes;
    if (mins < at) return plan.sections[k];
  }
  return null;
}

function pacing(plan, count, index, mins) {
  var section = plannedSection(plan, mins);
  var where = section ? 'The plan is at \u201c' + section.title + '\u201d (from slide '
    + (section.slide + 1) + ').' : 'The plan has ended.';
  var from = plannedStart(plan, count, index), to = plannedStart(plan, count, index + 1);
  if (mins > to + 1) return 'Behind by ' + minutes(mins - to) + '. ' + where;
  if (mins < from - 1) return 'Ahead by ' + minutes(from - mins) + '. ' + where;
  return 'On time. ' + where;
}

function render() {
  var clock = new Date(now());
  document.getElementById('console-clock').textContent = pad(clock.getHours()) + ':' + pad(clock.getMinutes());
  document.getElementById('console-elapsed').textContent = mmss(total());
  document.getElementById('console-timer-state').textContent =
    paused ? '(paused: p resumes)' : started ? '' : '(starts at the first move)';
  document.getElementById('console-pause').textContent = paused ? 'Resume (p)' : 'Pause (p)';
  var deck = currentDeck(), plan = deck.plan;
  var planText = document.getElementById('console-plan'), pace = document.getElementById('console-pacing');
  if (!plan || !plan.sections.length) {
    planText.textContent = 'no plan in this lecture';
    pace.textContent = '';
    return;
  }
  var mins = total() / 60000;
  planText.textContent = minutes(plan.duration) + ', ' + minutes(Math.max(0, plan.duration - mins)) + ' left';
  var text = started ? pacing(plan, deck.slides.length, currentState().index, mins) : '';
  if (pace.textContent !== text) pace.textContent = text;  // the live region speaks on changes only
}

function pause() {
  if (!started) return;
  paused = !paused;
  if (paused) stop(); else start();
  render();
}

function reset() {
  elapsed = 0;
  since = null;
  started = paused = false;
  changed();
  render();
}

on('pause', pause);
on('reset', reset);
document.addEventListener('consolestate', function (event) {
  if (event.detail.moved && !started) {
    started = true;
    start();
  }
  render();
});
document.addEventListener('consoledeck', render);
document.addEventListener('DOMContentLoaded', function () {
  document.getElementById('console-pause').addEventListener('click', pause);
  document.getElementById('console-reset').addEventListener('click', reset);
  render();
  setInterval(render, 1000);
});
