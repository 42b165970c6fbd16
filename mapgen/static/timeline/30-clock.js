/* The clock: which incidents and zones are shown at the slider's day. */

function Clock(map, data) {
  this.map = map;
  this.data = data;
  this.days = data.days;
  this.types = data.types;
  this.factions = data.factions;
  this.mode = data.mode === 'window' ? 'window' : 'cumulative';
  this.windowDays = Math.max(1, data.windowDays || 7);
  this.inc = Incidents.empty();
  this.selected = null;
  this._buffer = new Int32Array(0);
  this.visible = this._buffer;  // indices of the incidents shown, a view of _buffer
  this.count = 0;
  this.zonesShown = [];
  this.index = this.days.iso.length - 1;
  this.ready = false;
  this.from = 0;
}

// The clock's instant for day index d: the end of that day (state "as of" that date).
Clock.prototype.instant = function (d) { return this.days.start[d + 1]; };

// Window mode shows what happened in the last N calendar days (of the map's time zone) up to
// the end of the slider's day: incidents that start before that instant and end after the
// start of the first day of the window.
Clock.prototype.windowStart = function (d) { return this.days.start[Math.max(0, d - this.windowDays + 1)]; };

Clock.prototype.isVisible = function (i) {
  var t = this.instant(this.index), inc = this.inc;
  if (inc.s[i] >= t) return false;
  return this.mode !== 'window' || inc.e[i] > this.from || inc.s[i] >= this.from;
};

// Fading step of incident i: 0 (newest, opaque) .. ALPHA_LEVELS - 1 (oldest in the window).
Clock.prototype.level = function (i) {
  if (this.mode !== 'window') return 0;
  var t = this.instant(this.index), inc = this.inc;
  var last = Math.min(Math.max(inc.e[i], inc.s[i] + 1), t);  // the incident's latest minute in view
  var age = (t - last) / (t - this.from);
  var level = Math.floor(age * ALPHA_LEVELS);
  return level < 0 ? 0 : level >= ALPHA_LEVELS ? ALPHA_LEVELS - 1 : level;
};

Clock.prototype.levelAlpha = function (level) { return 0.95 - 0.75 * level / (ALPHA_LEVELS - 1); };

Clock.prototype.alpha = function (i) { return this.levelAlpha(this.level(i)); };

Clock.prototype.compute = function () {
  var t = this.instant(this.index), inc = this.inc, n = inc.n;
  if (this._buffer.length < n) this._buffer = new Int32Array(n);
  var end = upperBound(inc.s, t), visible = this._buffer, count = 0, i;
  if (this.mode === 'window') {
    var from = this.from = this.windowStart(this.index);
    // nothing that starts before from - longest can still be running at from
    for (i = upperBound(inc.s, from - inc.longest); i < end; i++) {
      if (inc.e[i] > from || inc.s[i] >= from) visible[count++] = i;
    }
  } else {
    this.from = this.days.start[0];
    for (i = 0; i < end; i++) visible[count++] = i;
  }
  this.count = count;
  this.visible = visible.subarray(0, count);
};

Clock.prototype.visibleIds = function () {
  var out = new Array(this.count);
  for (var k = 0; k < this.count; k++) out[k] = this.inc.id(this.visible[k]);
  return out;
};
