/* The slider's time steps (day, week, month or year), its histogram of incidents, date ticks and keys. */

// Any range plays in under a minute at the fastest speed: at most MAX_STEPS steps of
// playMs / FASTEST each (400 x 700 ms / 8 = 35 s, leaving time for the drawing of each step).
var MAX_STEPS = 400;
var FASTEST = 8;           // the speed menu's largest factor (50-controls)
var STEP_UNITS = ['day', 'week', 'month', 'year'];

// Where each step begins, as day indices: a step is a day, an ISO week (from Monday), a calendar
// month or a year; the first step begins on the first day. The smallest unit with at most
// MAX_STEPS steps is used.
function timeSteps(iso) {
  var n = iso.length;
  function starts(unit) {
    var out = [0];
    for (var d = 1; d < n; d++) {
      var s = iso[d], begins;
      if (unit === 'day') begins = true;
      else if (unit === 'week') begins = new Date(s + 'T00:00:00Z').getUTCDay() === 1;
      else if (unit === 'month') begins = s.slice(0, 7) !== iso[d - 1].slice(0, 7);
      else begins = s.slice(0, 4) !== iso[d - 1].slice(0, 4);
      if (begins) out.push(d);
    }
    return out;
  }
  var unit, first;
  for (var u = 0; u < STEP_UNITS.length; u++) {
    unit = STEP_UNITS[u];
    // a quick bound first: a unit that cannot fit is not enumerated
    var bound = unit === 'day' ? n : unit === 'week' ? n / 7 : unit === 'month' ? n / 28 : 0;
    if (bound > MAX_STEPS + 2) continue;
    first = starts(unit);
    if (first.length <= MAX_STEPS || unit === 'year') break;
  }
  var stepOf = new Int32Array(n);
  for (var k = 0; k < first.length; k++) {
    var end = k + 1 < first.length ? first[k + 1] : n;
    for (var d2 = first[k]; d2 < end; d2++) stepOf[d2] = k;
  }
  return {unit: unit, first: first, stepOf: stepOf, count: first.length, days: n,
          last: function (k) { return (k + 1 < first.length ? first[k + 1] : n) - 1; }};
}

// Incidents beginning on each day, then in each step: one pass over the start times (sorted),
// beside one over the days.
function stepCounts(inc, days, steps) {
  var start = days.start, nd = days.iso.length, perDay = new Int32Array(nd), d = 0, s = inc.s;
  for (var i = 0; i < inc.n; i++) {
    var t = s[i];
    while (d < nd - 1 && t >= start[d + 1]) d++;
    perDay[d]++;
  }
  var out = new Int32Array(steps.count);
  for (var k = 0; k < nd; k++) out[steps.stepOf[k]] += perDay[k];
  return out;
}

// The day a step key moves to: forward to the last day of the current step (or of the next one
// when already there), back to the last day of the previous step. `page`: with daily steps,
// PageUp/PageDown and Shift+arrows move a week.
App.prototype.nextStep = function (index, dir, page) {
  var steps = this.steps, last = this.clock.days.iso.length - 1;
  if (!steps || (steps.unit === 'day' && !page)) return Math.max(0, Math.min(last, index + dir));
  if (steps.unit === 'day') return Math.max(0, Math.min(last, index + 7 * dir));
  var k = steps.stepOf[index];
  if (dir > 0) return index < steps.last(k) ? steps.last(k) : steps.last(Math.min(k + 1, steps.count - 1));
  return k > 0 ? steps.last(k - 1) : 0;
};

// The first day of the step that holds day `index` (what "this step's news" begins with).
App.prototype.stepStart = function (index) {
  return this.steps ? this.steps.first[this.steps.stepOf[index]] : index;
};

function shortDay(label) { return String(label).replace(/ \d{4}$/, ''); }

var TimelineBar = {
  init: function (app) {
    var days = app.clock.days, steps = app.steps = timeSteps(days.iso), slider = app.slider;
    if (!slider || !slider.track) return;
    var unit = steps.unit, range = slider.range;
    slider.prev.setAttribute('aria-label', 'Previous ' + unit);
    slider.next.setAttribute('aria-label', 'Next ' + unit);
    range.setAttribute('aria-keyshortcuts', 'PageUp PageDown Shift+ArrowLeft Shift+ArrowRight');
    range.title = 'Arrow keys: one day; Page Up/Down or Shift+arrows: one ' + (unit === 'day' ? 'week' : unit);
    range.addEventListener('keydown', function (e) {
      var forward = e.key === 'PageUp' || (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowUp'));
      var back = e.key === 'PageDown' || (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowDown'));
      if (!forward && !back) return;
      e.preventDefault();
      app.go(app.nextStep(app.clock.index, forward ? 1 : -1, true));
    });
    this._ticks(slider.ticks, days, steps);
  },

  // The histogram, once the first picture is on screen (App: painted).
  painted: function (app) {
    var slider = app.slider, hist = slider && slider.hist;
    if (!hist) return;
    var days = app.clock.days, steps = app.steps, counts = app.stepCountsNow(), most = 1, k;
    for (k = 0; k < counts.length; k++) if (counts[k] > most) most = counts[k];
    var nd = days.iso.length, frag = document.createDocumentFragment();
    if (nd > 1) {  // half a day wider than the thumb's travel each side: each bar centred on its days
      var travel = '(100% - 16px)';
      hist.style.left = 'calc(8px - ' + travel + ' * ' + (0.5 / (nd - 1)).toFixed(6) + ')';
      hist.style.right = 'auto';
      hist.style.width = 'calc(' + travel + ' * ' + (nd / (nd - 1)).toFixed(6) + ')';
    }
    for (k = 0; k < counts.length; k++) {
      var bar = el('span', 'mapgen-bar');
      var from = steps.first[k], to = steps.last(k) + 1;
      bar.style.left = (100 * from / nd) + '%';
      bar.style.width = (100 * (to - from) / nd) + '%';
      bar.style.height = counts[k] ? Math.max(8, 100 * counts[k] / most) + '%' : '0';
      bar.setAttribute('data-count', counts[k]);
      frag.appendChild(bar);
    }
    hist.appendChild(frag);
    TimelineBar.date(app);
  },

  // Date ticks under the slider: its first and last dates in full, and between them the starts
  // of a few days, weeks, months or years, spaced so that their labels do not collide.
  _ticks: function (box, days, steps) {
    var iso = days.iso, n = iso.length, marks = [], unit;
    if (n <= 10) unit = 'day'; else if (n <= 70) unit = 'week'; else if (n <= 800) unit = 'month'; else unit = 'year';
    var at = (function () {
      var out = [];
      for (var d = 1; d < n; d++) {
        var s = iso[d];
        if (unit === 'day' || (unit === 'week' && new Date(s + 'T00:00:00Z').getUTCDay() === 1) ||
            (unit === 'month' && s.slice(8) === '01') || (unit === 'year' && s.slice(5) === '01-01')) out.push(d);
      }
      return out;
    })();
    var every = Math.max(1, Math.ceil(at.length / 3));
    for (var k = 0; k < at.length; k += every) {
      var d = at[k], pos = n > 1 ? d / (n - 1) : 0;
      if (pos < 0.22 || pos > 0.78) continue;  // clear of the first and last dates' labels
      var label = unit === 'year' ? iso[d].slice(0, 4)
        : unit === 'month' ? shortDay(days.label[d]).replace(/^\d+ /, '') : shortDay(days.label[d]);
      marks.push([pos, label]);
    }
    function tick(pos, label, cls) {
      var t = el('span', 'mapgen-tick' + (cls ? ' ' + cls : ''), label);
      t.style.left = (100 * pos) + '%';
      box.appendChild(t);
    }
    tick(0, days.label[0], 'mapgen-tick-start');
    marks.forEach(function (m) { tick(m[0], m[1]); });
    if (n > 1) tick(1, days.label[n - 1], 'mapgen-tick-end');
    // (on a narrow slider a label between may still reach the first or last date's: hidden,
    // measured once laid out and again when the window's width changes)
    var unclutter = function () { TimelineBar._unclutter(box); };
    unclutter();
    if (window.requestAnimationFrame) window.requestAnimationFrame(unclutter);
    window.addEventListener('resize', unclutter);
  },

  // Hide the date ticks between the first and last whose labels would touch theirs or each
  // other's (4 px apart at least); nothing when the box is not laid out.
  _unclutter: function (box) {
    var ticks = Array.prototype.slice.call(box.children);
    if (ticks.length < 3 || !box.offsetWidth) return;
    ticks.forEach(function (t) { t.style.visibility = ''; });
    var first = ticks[0].getBoundingClientRect(), last = ticks[ticks.length - 1].getBoundingClientRect();
    var right = first.right;
    ticks.slice(1, -1).forEach(function (t) {
      var r = t.getBoundingClientRect();
      if (r.left < right + 4 || r.right > last.left - 4) t.style.visibility = 'hidden';
      else right = r.right;
    });
  },

  // The current step's bar is marked.
  date: function (app) {
    var slider = app.slider;
    if (!slider || !slider.hist || !app.steps) return;
    var k = app.steps.stepOf[app.clock.index], bars = slider.hist.children;
    if (slider._current !== undefined && bars[slider._current]) bars[slider._current].classList.remove('mapgen-bar-now');
    if (bars[k]) bars[k].classList.add('mapgen-bar-now');
    slider._current = k;
  }
};
APP_PARTS.push(TimelineBar);

// Incidents beginning in each step, counted at first use (once the incidents have arrived).
App.prototype.stepCountsNow = function () {
  if (!this.stepCounts) this.stepCounts = stepCounts(this.clock.inc, this.clock.days, this.steps);
  return this.stepCounts;
};

// mapgen.timeline(): the slider's steps and the incidents beginning in each.
App.prototype.timeline = function () {
  var steps = this.steps, iso = this.clock.days.iso;
  return {unit: steps.unit, steps: steps.first.map(function (d) { return iso[d]; }),
          counts: this.loaded ? Array.prototype.slice.call(this.stepCountsNow()) : null,
          stepMs: (this.data.playMs || 700) / FASTEST};
};
