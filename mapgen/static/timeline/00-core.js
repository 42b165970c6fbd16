/* mapgen time layer (core: shared constants and helpers): incidents and control zones on one clock, a date slider, a legend.
 *
 * Incidents arrive as packed columns (mapgen/columns.py), sorted by start time, decoded once into
 * typed arrays and drawn on one canvas without a Leaflet object per incident: one path per
 * colour and fading step, or a density grid when thousands are on screen. A slider step finds
 * the visible range with a binary search over the sorted start times. Zones are switched by
 * validity on the same clock and drawn on a canvas of their own; the basemap on another.
 * Popups are built from the data when opened.
 *
 * Page API (used by tests and embedding pages):
 *   mapgen.setDate(iso)  -> moves the clock to that day (YYYY-MM-DD) in the map's time zone
 *   mapgen.state()       -> {date, index, incidents: [ids shown], drawn: [ids on screen],
 *                            count, drawnCount, zones: [zone ids shown], selected, ready,
 *                            drawMs: time the last drawing took}
 *   mapgen.state({ids: false}) -> the same without the id lists (cheap at 100,000 incidents)
 *   mapgen.whenReady()   -> a Promise of state({ids: false}) once the current date is drawn
 *   mapgen.openIncident(id[, {date: 'keep' | 'incident'}]) -> opens its popup; moves the clock
 *                          to the day it began when it is not shown at the current date
 *                          ('keep': never, 'incident': always)
 *   mapgen.days()
 *   mapgen.describe(n)  -> counts by type, zones by faction, the n latest incidents (plain text)
 *   mapgen.timeline()    -> {unit: 'day' | 'week' | 'month' | 'year', steps: [first day of each step],
 *                            counts: [incidents beginning in each step], stepMs: a step at top speed}
 *   mapgen.today()       -> what began in the slider's step: {incidents: [ids], zones: [{id, label}]}
 * state() also gives `fresh` (incidents shown that began in the current step), `offscreen`
 * ({count, places: [[name, count]]}) and `notes` (indices of the annotations shown).
 * `ready` is true once the canvas has been drawn for the current date (in the animation frame
 * after the change); it is false while the data is being decoded and after each change.
 * Every change of date or selection also fires a `mapgen:change` event on `document` whose
 * `detail` is {reason, date, index, selected, count} (other scripts, e.g. permalinks, listen).
 */

// Parts that add to the app (45-today, 55-timeline-bar, 65-annotations, 75-reader, 95-embed) register
// here: {init(app)} once the app and its controls are built, {date(app)} at each change of date
// (before it is drawn), {drawn(app)} after each drawing, {painted(app)} once, for what the first
// picture does not need (after it is on screen and the page has loaded), {state(app, out, ids)}
// to add to mapgen.state().
var APP_PARTS = [];
function runParts(hook) {
  var args = Array.prototype.slice.call(arguments, 1);
  APP_PARTS.forEach(function (part) { if (part[hook]) part[hook].apply(part, args); });
}

var TIME_PRECISIONS = ['exact', 'day', 'week', 'month'];
var GEO_PRECISIONS = ['exact', 'near', 'region'];
var SAFE_URL = /^https?:\/\/[^\s<>"']+$/i;

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// Text a report or an editor wrote, in whatever script: it takes its own direction (Arabic reads
// right to left, its full stop at the left end) and does not reorder the words around it.
function userText(tag, className, text) {
  var node = el(tag, className, text);
  node.dir = 'auto';
  return node;
}

function upperBound(sorted, value) {  // first index whose value is >= value
  var lo = 0, hi = sorted.length;
  while (lo < hi) {
    var mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function pad(n) { return n < 10 ? '0' + n : String(n); }
