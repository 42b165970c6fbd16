/* mapgen time layer: incidents and control zones on one clock, a date slider, a legend.
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
 * `ready` is true once the canvas has been drawn for the current date (in the animation frame
 * after the change); it is false while the data is being decoded and after each change.
 * Every change of date or selection also fires a `mapgen:change` event on `document` whose
 * `detail` is {reason, date, index, selected, count} (other scripts, e.g. permalinks, listen).
 */
(function () {
  'use strict';

  var TIME_PRECISIONS = ['exact', 'day', 'week', 'month'];
  var GEO_PRECISIONS = ['exact', 'near', 'region'];
  var SAFE_URL = /^https?:\/\/[^\s<>"']+$/i;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
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

  /* ------------------------------------------------------------------ decoding the columns */

  // The numbers arrive as one deflated buffer of byte planes (see mapgen/columns.py), the strings
  // as one deflated UTF-8 text of all tables joined, cut by a lengths column per table. Decoded
  // once, into typed arrays and one string that popups and ids are sliced from.
  function inflate(b64) {  // base64 of deflated bytes -> Promise of an ArrayBuffer
    var bytes;
    if (Uint8Array.fromBase64) {
      bytes = Uint8Array.fromBase64(b64);
    } else {
      var bin = atob(b64), n = bin.length;
      bytes = new Uint8Array(n);
      for (var i = 0; i < n; i++) bytes[i] = bin.charCodeAt(i);
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Response(stream).arrayBuffer();
  }

  // The popup texts (base64): in the data block, or, in a large page, in a block of their own
  // after the page's script (mapgen/shape.py: page_data), which the browser may still be
  // reading when the first drawing is done.
  var LAZY_TEXT_ID = 'mapgen-lazy-text';
  function lazyText(packed) {
    if (packed.lazyText != null) return Promise.resolve(packed.lazyText);
    return new Promise(function (resolve, reject) {
      function read() {
        var block = document.getElementById(LAZY_TEXT_ID);
        if (block) resolve(block.textContent); else reject(new Error('the page has no popup texts'));
      }
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', read);
      else read();
    });
  }

  // Resolves in a task after the next frame has been painted (the frame after the next has begun).
  function afterPaint() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
    });
  }

  // One small function per pass: each is called for many columns, so the engine optimises it
  // early, instead of running one large loop body unoptimised for the first columns.
  function orPlane(out, plane, shift) { for (var i = 0; i < out.length; i++) out[i] |= plane[i] << shift; }
  function unzigzag(out) { for (var i = 0; i < out.length; i++) out[i] = (out[i] >>> 1) ^ -(out[i] & 1); }
  function runningSum(out, base) { var v = base; for (var i = 0; i < out.length; i++) { v += out[i]; out[i] = v; } }
  function addBase(out, base) { for (var i = 0; i < out.length; i++) out[i] += base; }

  function readColumns(packed, buffer) {
    var raw = new Uint8Array(buffer), offset = 0, cols = {};
    packed.cols.forEach(function (c) {
      var name = c[0], count = c[1], width = c[2], base = c[3], delta = c[4], zigzag = c[5];
      var out = new Int32Array(count);
      out.set(raw.subarray(offset, offset + count));  // the low bytes, widened natively
      for (var k = 1; k < width; k++) orPlane(out, raw.subarray(offset + k * count, offset + (k + 1) * count), 8 * k);
      offset += width * count;
      if (zigzag) unzigzag(out);
      if (delta) runningSum(out, base);
      else if (base) addBase(out, base);
      cols[name] = out;
    });
    return cols;
  }

  function StringTable(text, lengths, start) {
    var n = lengths.length, off = new Float64Array(n + 1);
    off[0] = start || 0;
    for (var i = 0; i < n; i++) off[i + 1] = off[i] + lengths[i];
    this.text = text;
    this.off = off;
    this.length = n;
    this.end = off[n];
  }
  StringTable.prototype.get = function (i) { return this.text.slice(this.off[i], this.off[i + 1]); };

  function Incidents(packed, cols, text) {
    var n = packed.n, scale = Math.pow(10, packed.digits), i;
    this.n = n;
    this.s = cols.s;
    this.e = new Int32Array(n);
    for (i = 0; i < n; i++) this.e[i] = cols.s[i] + cols.d[i];
    this.ty = cols.ty; this.tp = cols.tp; this.gp = cols.gp;
    this.pl = cols.pl; this.ac = cols.ac; this.fat = cols.fat;
    this.latI = cols.lat; this.lonI = cols.lon; this.scale = scale;
    this.wx = new Float64Array(n); this.wy = new Float64Array(n);
    var maxLat = 85.0511, rad = Math.PI / 180;
    for (i = 0; i < n; i++) {  // Web Mercator at zoom 0, in units of 256 px
      var lat = Math.max(Math.min(cols.lat[i] / scale, maxLat), -maxLat) * rad;
      var sin = Math.sin(lat);
      this.wx[i] = (cols.lon[i] / scale + 180) / 360;
      this.wy[i] = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }
    this.texts = {};
    this._cols = cols;
    this._addTables(packed.tables, text);
    this.hasText = false;  // titles, descriptions, links: see attachText
    this.actorSets = packed.actorSets;
    this.sn = cols.sn; this.so = cols.so; this.su = cols.su; this.sp = cols.sp;
    this.srcOff = new Uint32Array(n + 1);
    for (i = 0; i < n; i++) this.srcOff[i + 1] = this.srcOff[i] + cols.sn[i];
    var longest = 0;
    for (i = 0; i < n; i++) if (cols.d[i] > longest) longest = cols.d[i];
    this.longest = longest;  // the longest duration: bounds the search for a time window
    this._byId = null;
  }
  Incidents.prototype._addTables = function (names, text) {
    var t = this.texts, cols = this._cols, start = 0;
    names.forEach(function (k) { t[k] = new StringTable(text, cols[k], start); start = t[k].end; });
  };
  // The tables only popups need arrive after the first drawing (App: textLoading).
  Incidents.prototype.attachText = function (names, text) {
    this._addTables(names, text);
    this.hasText = true;
  };
  Incidents.prototype.id = function (i) { return this.texts.id.get(i); };
  // titles and descriptions are '' until the popup texts have arrived (hasText)
  Incidents.prototype.title = function (i) { return this.texts.title ? this.texts.title.get(i) : ''; };
  Incidents.prototype.desc = function (i) { return this.texts.desc ? this.texts.desc.get(i) : ''; };
  Incidents.prototype.place = function (i) { return this.texts.place.get(this.pl[i]); };
  Incidents.prototype.lat = function (i) { return this.latI[i] / this.scale; };
  Incidents.prototype.lon = function (i) { return this.lonI[i] / this.scale; };
  Incidents.prototype.fatalities = function (i) { return this.fat[i] ? this.fat[i] - 1 : null; };
  Incidents.prototype.actors = function (i) {
    var names = this.texts.actor;
    return this.actorSets[this.ac[i]].map(function (k) { return names.get(k); });
  };
  Incidents.prototype.sources = function (i) {
    var out = [], t = this.texts;
    for (var k = this.srcOff[i]; k < this.srcOff[i + 1]; k++) {
      out.push([t.outlet.get(this.so[k]), this.su[k] && t.url ? t.url.get(this.su[k] - 1) : null,
                this.sp[k] ? t.pub.get(this.sp[k] - 1) : null]);
    }
    return out;
  };
  Incidents.prototype.indexOf = function (id) {  // built on first use: most pages never need it
    if (!this._byId) {
      var map = new Map(), ids = this.texts.id;
      for (var i = 0; i < this.n; i++) map.set(ids.get(i), i);
      this._byId = map;
    }
    var found = this._byId.get(String(id));
    return found === undefined ? -1 : found;
  };
  Incidents.empty = function () {
    var zero = new Int32Array(0), none = new StringTable('', zero);
    var inc = Object.create(Incidents.prototype);
    inc.n = 0; inc.s = inc.e = inc.ty = inc.tp = inc.gp = zero; inc.wx = inc.wy = new Float64Array(0);
    inc.texts = {id: none}; inc.longest = 0; inc._byId = new Map(); inc.hasText = true;
    return inc;
  };

  /* ------------------------------------------------------------------ incidents on canvas */

  var ALPHA_LEVELS = 8;          // fading in window mode is drawn in this many steps
  var AGGREGATE_ABOVE = 2500;    // more incidents than this on screen: draw a density grid
  var CELL = 12;                 // grid cell, CSS pixels

  var PointLayer = L.Layer.extend({
    initialize: function (clock) {
      this._clock = clock;
      this._drawn = new Int32Array(0);
      this._drawnCount = 0;
      this.aggregated = false;
    },

    onAdd: function (map) {
      this._map = map;
      var pane = map.getPane('mapgenPoints');
      this._canvas = L.DomUtil.create('canvas', 'mapgen-points leaflet-zoom-hide', pane);
      this._canvas.setAttribute('aria-hidden', 'true');
      map.on('moveend zoomend resize viewreset', this._reset, this);
      this._reset();
    },

    onRemove: function (map) {
      map.off('moveend zoomend resize viewreset', this._reset, this);
      L.DomUtil.remove(this._canvas);
    },

    _reset: function () {
      var map = this._map, size = map.getSize(), ratio = window.devicePixelRatio || 1;
      var topLeft = map.containerPointToLayerPoint([0, 0]);
      L.DomUtil.setPosition(this._canvas, topLeft);
      this._canvas.width = Math.round(size.x * ratio);
      this._canvas.height = Math.round(size.y * ratio);
      this._canvas.style.width = size.x + 'px';
      this._canvas.style.height = size.y + 'px';
      this.redraw();
    },

    // Container pixel of incident i: world pixels at zoom 0 scaled, minus the view's origin.
    _origin: function () {
      var map = this._map, zoom = map.getZoom();
      var scale = 256 * Math.pow(2, zoom);
      var origin = map.getPixelOrigin(), panePos = map._getMapPanePos();
      return {scale: scale, ox: origin.x - panePos.x, oy: origin.y - panePos.y};
    },

    redraw: function () {
      if (!this._map) return;
      var clock = this._clock, inc = clock.inc, ctx = this._canvas.getContext('2d');
      var ratio = window.devicePixelRatio || 1, size = this._map.getSize();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      var visible = clock.visible, n = clock.count, o = this._origin();
      if (this._drawn.length < inc.n) this._drawn = new Int32Array(inc.n);
      // which visible incidents fall on screen (with a margin for the symbol)
      var drawn = this._drawn, count = 0, pad = 8, w = size.x + pad, h = size.y + pad;
      var wx = inc.wx, wy = inc.wy, scale = o.scale, ox = o.ox, oy = o.oy, k, i, x, y;
      for (k = 0; k < n; k++) {
        i = visible[k];
        x = wx[i] * scale - ox; y = wy[i] * scale - oy;
        if (x >= -pad && y >= -pad && x <= w && y <= h) drawn[count++] = i;
      }
      this._drawnCount = count;
      var aggregated = count > AGGREGATE_ABOVE;
      if (aggregated) this._drawGrid(ctx, o, size, count);
      else this._drawPoints(ctx, o, count);
      if (aggregated !== this.aggregated) {
        this.aggregated = aggregated;
        this.fire('aggregate', {on: aggregated});  // the legend explains the grid while it is drawn
      }
      if (clock.selected !== null && clock.isVisible(clock.selected)) {
        var s = clock.selected;
        ctx.globalAlpha = 1;
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#111';
        ctx.beginPath();
        ctx.arc(wx[s] * scale - ox, wy[s] * scale - oy, 10, 0, 2 * Math.PI);
        ctx.stroke();
      }
    },

    // Few incidents on screen: one circle each (a dashed ring when time or place is approximate),
    // batched into one path per type, style and fading step.
    _drawPoints: function (ctx, o, count) {
      var clock = this._clock, inc = clock.inc, types = clock.types.length, drawn = this._drawn;
      var radius = count > 800 ? 4 : 6, buckets = {}, keys = [];
      for (var k = 0; k < count; k++) {
        var i = drawn[k], ring = inc.tp[i] >= 2 || inc.gp[i] >= 1 ? 1 : 0;
        var key = (clock.level(i) * 2 + ring) * types + inc.ty[i];
        var b = buckets[key];
        if (!b) { b = buckets[key] = []; keys.push(key); }
        b.push(inc.wx[i] * o.scale - o.ox, inc.wy[i] * o.scale - o.oy);
      }
      keys.sort(function (a, b) { return a - b; });  // faded first, so the newest lie on top
      for (var q = keys.length - 1; q >= 0; q--) {
        var key2 = keys[q], ty = key2 % types, rest = (key2 - ty) / types;
        var isRing = rest % 2, level = (rest - isRing) / 2, pts = buckets[key2];
        var colour = clock.types[ty].color;
        ctx.globalAlpha = clock.levelAlpha(level);
        ctx.beginPath();
        for (var p = 0; p < pts.length; p += 2) {
          ctx.moveTo(pts[p] + radius, pts[p + 1]);
          ctx.arc(pts[p], pts[p + 1], radius, 0, 2 * Math.PI);
        }
        if (isRing) {
          ctx.lineWidth = 2.5;
          ctx.strokeStyle = colour;
          ctx.setLineDash([3, 2]);
          ctx.stroke();
          ctx.setLineDash([]);
        } else {
          ctx.fillStyle = colour;
          ctx.fill();
          ctx.lineWidth = 1;
          ctx.strokeStyle = '#ffffff';
          ctx.stroke();
        }
      }
      ctx.globalAlpha = 1;
      this._radius = radius;
    },

    // Thousands on screen: a grid of CELL px; each occupied cell is one circle at the mean
    // position of its incidents, its area proportional to their number (relative to the busiest
    // cell in view), coloured by the most frequent type and as opaque as its most recent
    // incident. Cost grows with cells, not with incidents.
    _drawGrid: function (ctx, o, size, count) {
      var clock = this._clock, inc = clock.inc, types = clock.types.length, drawn = this._drawn;
      var cols = Math.ceil((size.x + 16) / CELL) + 1, rows = Math.ceil((size.y + 16) / CELL) + 1;
      var cells = cols * rows;
      if (!this._grid || this._grid.cells !== cells * types) {
        this._grid = {cells: cells * types, n: new Int32Array(cells), byType: new Int32Array(cells * types),
                      sx: new Float64Array(cells), sy: new Float64Array(cells), lvl: new Int8Array(cells),
                      used: new Int32Array(cells)};
      }
      var g = this._grid, gn = g.n, gt = g.byType, sx = g.sx, sy = g.sy, lvl = g.lvl, used = g.used, nUsed = 0;
      var scale = o.scale, ox = o.ox - 8, oy = o.oy - 8, wx = inc.wx, wy = inc.wy, ty = inc.ty;
      var fading = clock.mode === 'window';
      for (var k = 0; k < count; k++) {
        var i = drawn[k], x = wx[i] * scale - ox, y = wy[i] * scale - oy;
        var c = ((y / CELL) | 0) * cols + ((x / CELL) | 0);
        if (gn[c] === 0) { used[nUsed++] = c; lvl[c] = ALPHA_LEVELS; }
        gn[c]++; gt[c * types + ty[i]]++; sx[c] += x; sy[c] += y;
        if (fading) { var l = clock.level(i); if (l < lvl[c]) lvl[c] = l; } else lvl[c] = 0;
      }
      var buckets = {}, keys = [], most = 1;
      for (var v = 0; v < nUsed; v++) if (gn[used[v]] > most) most = gn[used[v]];
      var rMin = 1.5, rMax = CELL / 2 - 0.5;
      for (var u = 0; u < nUsed; u++) {
        var cell = used[u], best = 0, bestN = -1;
        for (var t = 0; t < types; t++) {
          var m = gt[cell * types + t];
          if (m > bestN) { bestN = m; best = t; }
          gt[cell * types + t] = 0;
        }
        var key = lvl[cell] * types + best, b = buckets[key];
        if (!b) { b = buckets[key] = []; keys.push(key); }
        var num = gn[cell];
        // area grows with the cell's share of the busiest cell in view
        b.push(sx[cell] / num - 8, sy[cell] / num - 8, rMin + (rMax - rMin) * Math.sqrt(num / most));
        gn[cell] = 0; sx[cell] = 0; sy[cell] = 0;
      }
      keys.sort(function (a, b) { return b - a; });  // most faded first
      for (var q = 0; q < keys.length; q++) {
        var key2 = keys[q], tt = key2 % types, level = (key2 - tt) / types, pts = buckets[key2];
        ctx.globalAlpha = clock.levelAlpha(level);
        ctx.beginPath();
        for (var p = 0; p < pts.length; p += 3) {
          ctx.moveTo(pts[p] + pts[p + 2], pts[p + 1]);
          ctx.arc(pts[p], pts[p + 1], pts[p + 2], 0, 2 * Math.PI);
        }
        ctx.fillStyle = clock.types[tt].color;
        ctx.fill();  // no outline: the largest circle leaves a pixel to its neighbours (and the
                     // browser rasterises a third less)
      }
      ctx.globalAlpha = 1;
      this._radius = CELL / 2;
    },

    hit: function (containerPoint) {
      var inc = this._clock.inc, o = this._origin(), best = null;
      var bestDist = Math.pow((this._radius || 6) + 4, 2);
      for (var k = this._drawnCount - 1; k >= 0; k--) {
        var i = this._drawn[k];
        var dx = inc.wx[i] * o.scale - o.ox - containerPoint.x;
        var dy = inc.wy[i] * o.scale - o.oy - containerPoint.y;
        var d = dx * dx + dy * dy;
        if (d < bestDist) { best = i; bestDist = d; }
      }
      return best;
    },

    // Every drawn incident under the pointer, newest first (stacked reports at one place).
    hitAll: function (containerPoint) {
      var inc = this._clock.inc, o = this._origin(), found = [];
      var reach = Math.pow((this._radius || 6) + 4, 2);
      for (var k = 0; k < this._drawnCount; k++) {
        var i = this._drawn[k];
        var dx = inc.wx[i] * o.scale - o.ox - containerPoint.x;
        var dy = inc.wy[i] * o.scale - o.oy - containerPoint.y;
        if (dx * dx + dy * dy < reach) found.push(i);
      }
      return found.sort(function (a, b) { return inc.s[b] - inc.s[a] || b - a; });
    },

    drawnIds: function () {
      var inc = this._clock.inc, out = new Array(this._drawnCount);
      for (var k = 0; k < this._drawnCount; k++) out[k] = inc.id(this._drawn[k]);
      return out;
    },

    drawnCount: function () { return this._drawnCount; }
  });

  /* ------------------------------------------------------------------ the clock */

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

  /* ------------------------------------------------------------------ popups */

  function dayIndexOf(days, minute) {
    var d = upperBound(days.start, minute + 1) - 1;
    return Math.max(0, Math.min(d, days.iso.length - 1));
  }

  function whenLabel(data, inc, i) {
    var days = data.days, tp = TIME_PRECISIONS[inc.tp[i]];
    var d = dayIndexOf(days, inc.s[i]);
    if (tp === 'exact') {
      var m = inc.s[i] - days.start[d];
      return days.label[d] + ', ' + pad(Math.floor(m / 60)) + ':' + pad(m % 60) + ' ' + data.tzLabel;
    }
    if (tp === 'day') {
      var last = dayIndexOf(days, inc.e[i] - 1);
      return last > d ? days.label[d] + ' – ' + days.label[last] : days.label[d];
    }
    return (tp === 'week' ? 'week of ' : 'month of ') + days.label[d] + ' (approximate)';
  }

  function sourceList(sources) {
    var list = el('ul', 'mapgen-sources');
    (sources || []).forEach(function (src) {
      var item = el('li'), outlet = src[0], url = src[1], published = src[2];
      if (url && SAFE_URL.test(url)) {
        var a = el('a', null, outlet || url);
        a.href = url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer nofollow';
        item.appendChild(a);
      } else {
        item.appendChild(el('span', null, outlet));
      }
      if (published) item.appendChild(el('span', 'mapgen-published', ' (' + published + ')'));
      list.appendChild(item);
    });
    return list;
  }

  function incidentPopup(data, inc, i) {
    var box = el('div', 'mapgen-popup');
    var type = data.types[inc.ty[i]], title = inc.title(i), desc = inc.desc(i), sources = inc.sources(i);
    var head = el('div', 'mapgen-popup-type', type.label);
    head.style.borderLeftColor = type.color;
    box.appendChild(head);
    box.appendChild(el('h3', 'mapgen-popup-title', title || type.label));
    var facts = el('dl', 'mapgen-facts');
    function fact(name, value) {
      if (value === '' || value === null || value === undefined) return;
      facts.appendChild(el('dt', null, name));
      facts.appendChild(el('dd', null, value));
    }
    fact('When', whenLabel(data, inc, i));
    var gp = GEO_PRECISIONS[inc.gp[i]];
    var where = inc.place(i) || (inc.lat(i).toFixed(4) + ', ' + inc.lon(i).toFixed(4));
    fact('Where', gp === 'exact' ? where : where + ' (' + (gp === 'near' ? 'near; approximate' : 'region; approximate') + ')');
    fact('Actors', inc.actors(i).join(', '));
    if (inc.fatalities(i) !== null) fact('Fatalities', inc.fatalities(i));
    box.appendChild(facts);
    if (desc) box.appendChild(el('p', 'mapgen-popup-desc', desc));
    if (sources.length) {
      box.appendChild(el('div', 'mapgen-popup-label', 'Sources'));
      box.appendChild(sourceList(sources));
    }
    box.setAttribute('data-incident', inc.id(i));
    return box;
  }

  function zonePopup(data, zone) {
    var box = el('div', 'mapgen-popup');
    var faction = data.factions[zone.f];
    var head = el('div', 'mapgen-popup-type', 'Control zone');
    head.style.borderLeftColor = faction.color;
    box.appendChild(head);
    box.appendChild(el('h3', 'mapgen-popup-title', faction.label));
    var facts = el('dl', 'mapgen-facts');
    facts.appendChild(el('dt', null, 'Status'));
    facts.appendChild(el('dd', null, zone.status));
    facts.appendChild(el('dt', null, 'Valid'));
    facts.appendChild(el('dd', null, zone.label));
    box.appendChild(facts);
    if ((zone.src || []).length) {
      box.appendChild(el('div', 'mapgen-popup-label', 'Sources'));
      box.appendChild(sourceList(zone.src));
    }
    box.setAttribute('data-zone', zone.id);
    return box;
  }

  /* ------------------------------------------------------------------ controls */

  var SliderControl = L.Control.extend({
    options: {position: 'bottomleft'},
    initialize: function (app) { this._app = app; },
    onAdd: function () {
      var app = this._app, days = app.clock.days, last = days.iso.length - 1;
      var box = el('div', 'mapgen-slider leaflet-bar');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', 'Date');
      var prev = el('button', 'mapgen-btn mapgen-prev', '‹');
      prev.type = 'button';
      prev.setAttribute('aria-label', 'Previous day');
      var play = el('button', 'mapgen-btn mapgen-play', '▶');
      play.type = 'button';
      play.setAttribute('aria-label', 'Play');
      var next = el('button', 'mapgen-btn mapgen-next', '›');
      next.type = 'button';
      next.setAttribute('aria-label', 'Next day');
      var range = el('input', 'mapgen-range');
      range.type = 'range';
      range.min = 0;
      range.max = last;
      range.step = 1;
      range.value = app.clock.index;
      range.id = 'mapgen-range';
      range.setAttribute('aria-label', 'Date');
      var output = el('output', 'mapgen-date');
      output.setAttribute('for', 'mapgen-range');
      output.setAttribute('aria-live', 'polite');
      box.appendChild(prev);
      box.appendChild(play);
      box.appendChild(next);
      box.appendChild(range);
      box.appendChild(output);
      var speed = el('select', 'mapgen-speed');
      speed.setAttribute('aria-label', 'Play speed');
      [0.5, 1, 2, 4, 8].forEach(function (v) {
        var option = el('option', null, v + '×');
        option.value = String(v);
        if (v === 1) option.selected = true;
        speed.appendChild(option);
      });
      speed.addEventListener('change', function () { app.speed = Number(speed.value) || 1; });
      box.appendChild(speed);
      this.speed = speed;
      range.addEventListener('input', function () { app.go(Number(range.value)); });
      prev.addEventListener('click', function () { app.go(app.clock.index - 1); });
      next.addEventListener('click', function () { app.go(app.clock.index + 1); });
      play.addEventListener('click', function () { app.togglePlay(); });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      this.range = range;
      this.output = output;
      this.play = play;
      return box;
    },
    update: function (index, label, valueText) {
      this.range.value = index;
      this.range.setAttribute('aria-valuetext', valueText);
      this.output.textContent = label;
    }
  });

  var InfoControl = L.Control.extend({
    options: {position: 'topright'},
    initialize: function (data) { this._data = data; },
    onAdd: function () {
      var data = this._data, box = el('div', 'mapgen-info');
      box.appendChild(el('h1', 'mapgen-title', data.title));
      if (data.description) box.appendChild(el('p', 'mapgen-description', data.description));
      var legend = el('div', 'mapgen-legend');
      legend.setAttribute('role', 'list');
      legend.setAttribute('aria-label', 'Legend');
      function row(colour, label, kind) {
        var item = el('div', 'mapgen-legend-row');
        item.setAttribute('role', 'listitem');
        var swatch = el('span', 'mapgen-swatch mapgen-swatch-' + kind);
        swatch.style.background = colour;
        item.appendChild(swatch);
        item.appendChild(el('span', null, label));
        legend.appendChild(item);
      }
      if (data.factions.length && data.zones.length) {
        legend.appendChild(el('div', 'mapgen-legend-head', 'Control'));
        data.factions.forEach(function (f) { row(f.color, f.label, 'zone'); });
      }
      if (data.types.length) {
        legend.appendChild(el('div', 'mapgen-legend-head', 'Incidents'));
        data.types.forEach(function (t) { row(t.color, t.label, 'point'); });
        var approx = el('div', 'mapgen-legend-row');
        approx.setAttribute('role', 'listitem');
        approx.appendChild(el('span', 'mapgen-swatch mapgen-swatch-ring'));
        approx.appendChild(el('span', null, 'approximate time or place'));
        legend.appendChild(approx);
        // shown while the incidents are drawn as a density grid (PointLayer's 'aggregate' event)
        var dense = el('div', 'mapgen-legend-row mapgen-legend-density');
        dense.setAttribute('role', 'listitem');
        dense.appendChild(el('span', 'mapgen-swatch mapgen-swatch-density'));
        dense.appendChild(el('span', null, 'many incidents: one circle per small area, sized by their number, ' +
                                           'coloured by the commonest type; click to zoom in'));
        dense.hidden = true;
        legend.appendChild(dense);
        this.density = dense;
      }
      box.appendChild(legend);
      if (data.updated) box.appendChild(el('p', 'mapgen-updated', 'Data up to ' + data.updated));
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }
  });

  /* ------------------------------------------------------------------ the basemap */

  // Leaflet's canvas renderer, drawing with its own _draw() instead of Leaflet paths: Leaflet
  // calls these after it has sized and placed the canvas for the view (and scales it during
  // zoom animations).
  var DrawnCanvas = L.Canvas.extend({
    _updatePaths: function () { if (!this._postponeUpdatePaths) this._draw(); },
    _redraw: function () { this._draw(); },
    redraw: function () { this._draw(); return this; }
  });

  // Country outlines, place dots and names, drawn straight from coordinate arrays: no Leaflet
  // polygon, no LatLng object per vertex, no DOM element per label. Outlines are projected
  // once to Web Mercator at zoom 0, like the incidents, and scaled to the view each time it
  // changes.
  var BasemapLayer = DrawnCanvas.extend({
    initialize: function (basemap, options) {
      L.Canvas.prototype.initialize.call(this, options);
      var rings = [];
      (basemap.countries ? basemap.countries.features : []).forEach(function (feature) {
        var g = feature.geometry;
        var polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        polygons.forEach(function (polygon) { polygon.forEach(function (ring) { rings.push(worldRing(ring)); }); });
      });
      this._rings = rings;
      var places = basemap.places || [];
      this._dots = worldRing(places.map(function (p) { return [p[2], p[1]]; }));
      this._labels = places.map(function (p) { return {name: p[0], width: null}; });
      this.shownLabels = [];
    },

    _draw: function () {
      var ctx = this._ctx, b = this._bounds, map = this._map;
      if (!ctx || !b || !map) return;
      var scale = 256 * Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      var ox = origin.x, oy = origin.y, size = b.getSize();
      ctx.clearRect(b.min.x, b.min.y, size.x, size.y);
      // the view in world units, to skip the rings outside it
      var x0 = (b.min.x + ox) / scale, y0 = (b.min.y + oy) / scale;
      var x1 = (b.max.x + ox) / scale, y1 = (b.max.y + oy) / scale;
      ctx.beginPath();
      traceRings(ctx, this._rings.filter(function (r) {
        return !(r.box[0] > x1 || r.box[2] < x0 || r.box[1] > y1 || r.box[3] < y0);
      }), scale, ox, oy);
      ctx.fillStyle = '#f4f1ea';
      ctx.fill('evenodd');
      ctx.lineWidth = 1;
      ctx.lineJoin = ctx.lineCap = 'round';
      ctx.strokeStyle = '#9a968c';
      ctx.stroke();
      var dots = this._dots.xy;
      ctx.beginPath();
      for (var k = 0; k < dots.length; k += 2) {
        var x = dots[k] * scale - ox, y = dots[k + 1] * scale - oy;
        ctx.moveTo(x + 2, y);
        ctx.arc(x, y, 2, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = 0.8;
      ctx.fillStyle = '#555';
      ctx.fill();
      ctx.globalAlpha = 1;
      this._drawLabels(ctx, scale, ox, oy, b);
    },

    // Place names beside their dots, most-used first; a label that would overlap one already
    // drawn is left out (zooming in makes room for it). A white halo keeps them readable over
    // the outlines (zones and incidents are drawn above, on their own canvases).
    _drawLabels: function (ctx, scale, ox, oy, bounds) {
      var dots = this._dots.xy, shown = [];
      ctx.font = LABEL_FONT;
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.fillStyle = '#333';
      this._labels.forEach(function (label, k) {
        if (label.width === null) label.width = ctx.measureText(label.name).width;
        var x = dots[2 * k] * scale - ox + LABEL_OFFSET, y = dots[2 * k + 1] * scale - oy;
        var box = [x - 2, y - 8, x + label.width + 2, y + 8];
        if (box[2] < bounds.min.x || box[0] > bounds.max.x || box[3] < bounds.min.y || box[1] > bounds.max.y) return;
        for (var j = 0; j < shown.length; j++) {
          var b = shown[j].box;
          if (box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]) return;
        }
        ctx.strokeText(label.name, x, y);
        ctx.fillText(label.name, x, y);
        shown.push({name: label.name, box: box});
      });
      this.shownLabels = shown;
    }
  });

  var LABEL_FONT = '11px "Helvetica Neue", Arial, Helvetica, sans-serif';
  var LABEL_OFFSET = 10;  // px from the place to its name: clear of an incident's circle (radius 6)

  // Adds the rings (from worldRing) to the context's current path, in its layer pixels.
  function traceRings(ctx, rings, scale, ox, oy) {
    rings.forEach(function (r) {
      var xy = r.xy;
      ctx.moveTo(xy[0] * scale - ox, xy[1] * scale - oy);
      for (var k = 2; k < xy.length; k += 2) ctx.lineTo(xy[k] * scale - ox, xy[k + 1] * scale - oy);
      ctx.closePath();
    });
  }

  // [lon, lat] pairs -> {xy: Web Mercator x, y at zoom 0 (0..1), box: [x0, y0, x1, y1]}
  function worldRing(lonLats) {
    var n = lonLats.length, xy = new Float64Array(2 * n), maxLat = 85.0511, rad = Math.PI / 180;
    var box = [Infinity, Infinity, -Infinity, -Infinity];
    for (var k = 0; k < n; k++) {
      var lat = Math.max(Math.min(lonLats[k][1], maxLat), -maxLat) * rad, sin = Math.sin(lat);
      var x = (lonLats[k][0] + 180) / 360, y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
      xy[2 * k] = x; xy[2 * k + 1] = y;
      if (x < box[0]) box[0] = x; if (x > box[2]) box[2] = x;
      if (y < box[1]) box[1] = y; if (y > box[3]) box[3] = y;
    }
    return {xy: xy, box: box};
  }

  // The control zones shown for the slider's date, drawn like the basemap; App._zoneAt finds
  // the one under a click from the same rings.
  var ZoneLayer = DrawnCanvas.extend({
    initialize: function (app, options) {
      L.Canvas.prototype.initialize.call(this, options);
      this._app = app;
    },

    _draw: function () {
      var ctx = this._ctx, b = this._bounds, map = this._map;
      if (!ctx || !b || !map) return;
      var scale = 256 * Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      var ox = origin.x, oy = origin.y, size = b.getSize(), factions = this._app.data.factions;
      ctx.clearRect(b.min.x, b.min.y, size.x, size.y);
      ctx.lineJoin = ctx.lineCap = 'round';
      this._app.zoneLayers.forEach(function (z) {
        if (!z.on) return;
        var zone = z.zone, colour = factions[zone.f].color, assessed = zone.status === 'assessed';
        ctx.beginPath();
        traceRings(ctx, zoneRings(z), scale, ox, oy);
        ctx.globalAlpha = zone.status === 'contested' ? 0.15 : 0.28;
        ctx.fillStyle = colour;
        ctx.fill('evenodd');
        ctx.globalAlpha = 1;
        ctx.lineWidth = assessed ? 1.5 : 2;
        ctx.setLineDash(assessed ? [] : [6, 4]);  // claimed or contested: dashed
        ctx.strokeStyle = colour;
        ctx.stroke();
      });
      ctx.setLineDash([]);
    }
  });

  // A zone version's rings in world units, made the first time it is drawn or clicked.
  function zoneRings(z) {
    if (!z.rings) {
      var g = z.zone.geom, rings = [];
      var polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      polygons.forEach(function (polygon) { polygon.forEach(function (ring) { rings.push(worldRing(ring)); }); });
      z.rings = rings;
    }
    return z.rings;
  }

  // Whether (x, y) lies inside the rings by the even-odd rule (as they are filled): holes and
  // the parts of a multipolygon count as drawn.
  function insideRings(rings, x, y) {
    var inside = false;
    rings.forEach(function (r) {
      if (x < r.box[0] || x > r.box[2] || y < r.box[1] || y > r.box[3]) return;
      var xy = r.xy, n = xy.length;
      for (var i = 0, j = n - 2; i < n; j = i, i += 2) {
        var yi = xy[i + 1], yj = xy[j + 1];
        if ((yi > y) !== (yj > y) && x < (xy[j] - xy[i]) * (y - yi) / (yj - yi) + xy[i]) inside = !inside;
      }
    });
    return inside;
  }

  /* ------------------------------------------------------------------ the app */

  function App(map, data) {
    var app = this;
    this.map = map;
    this.data = data;
    this.speed = 1;
    this.clock = new Clock(map, data);
    this._waiting = [];
    // The incidents are decoded once (asynchronously: the buffers are inflated by the browser,
    // begun before the map is built); until then the page shows zones and controls, and
    // state().ready stays false.
    var packed = data.inc;
    var decoded = packed.n ? Promise.all([inflate(packed.bin), inflate(packed.text)]).then(function (parts) {
      return new Incidents(packed, readColumns(packed, parts[0]), new TextDecoder().decode(parts[1]));
    }) : Promise.resolve(Incidents.empty());
    ['mapgenBase', 'mapgenZones', 'mapgenPoints'].forEach(function (name, k) {
      var pane = map.createPane(name);
      pane.style.zIndex = [150, 350, 450][k];
    });
    map.getPane('mapgenBase').style.pointerEvents = 'none';
    // the view first: the basemap and zones are then projected and drawn once, for it
    if (data.bounds) map.fitBounds(data.bounds, {padding: [20, 20], maxZoom: 11});
    this._basemap(data.basemap);
    this._zones(data.zones);
    this.points = new PointLayer(this.clock).addTo(map);
    this.slider = new SliderControl(this).addTo(map);
    this.info = new InfoControl(data).addTo(map);
    var density = this.info.density;
    if (density) this.points.on('aggregate', function (e) { density.hidden = !e.on; });
    if (map.attributionControl) {
      map.attributionControl.setPrefix(false);
      var credit = el('span', 'mapgen-credit', data.credit);
      map.attributionControl.getContainer().appendChild(credit);
    }
    map.on('click', function (e) {
      if (app._click(e)) return;
      var zone = app._zoneAt(e.latlng);
      if (zone) L.popup({maxWidth: 320}).setLatLng(e.latlng).setContent(zonePopup(data, zone)).openOn(map);
    });
    map.on('popupclose', function () {
      if (app.clock.selected !== null) {
        app.clock.selected = null;
        app.points.redraw();
        app.emit('select');
      }
    });
    this.loaded = false;
    this.go(this.clock.index);
    this.loading = decoded.then(function (inc) {
      app.clock.inc = inc;
      app.loaded = true;
      app.go(app.clock.index);
      app._drawNow();
    });
    // titles, descriptions and links: inflated once the first drawing is done and on screen
    // (decoding megabytes of text would otherwise hold back the frame that shows it), or at
    // once when a popup needs them
    var text = null;
    this._loadText = function () {
      if (!text) {
        text = app.loading.then(function () {
          var inc = app.clock.inc;
          if (inc.hasText) return inc;
          return lazyText(packed).then(inflate).then(function (buffer) {
            inc.attachText(packed.lazyTables, new TextDecoder().decode(buffer));
            app.emit('text');  // titles now available (e.g. for the screen-reader summary)
            return inc;
          });
        });
      }
      return text;
    };
    this.textLoading = this.loading.then(function () { return app.whenReady(); }).then(afterPaint)
      .then(function () { return app._loadText(); });
  }

  App.prototype._click = function (e) {
    var i = this.points.hit(e.containerPoint);
    if (i === null) return false;
    if (this.points.aggregated && this.map.getZoom() < this.map.getMaxZoom()) {
      // a cell of the density grid stands for many incidents: zoom in on it
      this.map.setView(e.latlng, Math.min(this.map.getZoom() + 2, this.map.getMaxZoom()));
    } else {
      var here = this.points.hitAll(e.containerPoint);
      if (here.length > 1) this.openList(here, e.latlng); else this.openIndex(i, e.latlng);
    }
    return true;
  };

  // Several incidents drawn on one spot: a list to choose from, newest first.
  App.prototype.openList = function (indices, latlng) {
    var app = this, inc = this.clock.inc;
    if (!inc.hasText) return this._loadText().then(function () { app.openList(indices, latlng); });
    var box = el('div', 'mapgen-popup mapgen-popup-list');
    box.appendChild(el('h3', 'mapgen-popup-title', indices.length + ' incidents here'));
    var list = el('ul', 'mapgen-stack');
    indices.forEach(function (i) {
      var type = app.data.types[inc.ty[i]];
      var item = el('li');
      var button = el('button', 'mapgen-stack-item');
      button.type = 'button';
      button.style.borderLeftColor = type.color;
      button.appendChild(el('span', 'mapgen-stack-title', inc.title(i) || type.label));
      button.appendChild(el('span', 'mapgen-stack-when', whenLabel(app.data, inc, i)));
      button.addEventListener('click', function () { app.openIndex(i, latlng); });
      item.appendChild(button);
      list.appendChild(item);
    });
    box.appendChild(list);
    L.popup({maxWidth: 340, autoPanPadding: [20, 20]}).setLatLng(latlng).setContent(box).openOn(this.map);
  };

  App.prototype._basemap = function (basemap) {
    if (!basemap) return;
    this.basemap = new BasemapLayer(basemap, {pane: 'mapgenBase'}).addTo(this.map);
    // Web tiles are an opt-in layer: nothing is requested unless a reader switches them on.
    var tiles = L.tileLayer(this.data.tiles.url, {attribution: this.data.tiles.attribution, maxZoom: 18});
    L.control.layers(null, {'Web map tiles (online)': tiles}, {position: 'topleft', collapsed: true})
      .addTo(this.map);
  };

  // The place labels drawn now (on the basemap's canvas, which reaches a little beyond the
  // view), most-used first: [{name, box: [left, top, right, bottom]}] in pixels of the map's
  // container.
  App.prototype.placeLabels = function () {
    if (!this.basemap) return [];
    var at = this.map._getMapPanePos();
    return this.basemap.shownLabels.map(function (l) {
      return {name: l.name, box: [l.box[0] + at.x, l.box[1] + at.y, l.box[2] + at.x, l.box[3] + at.y]};
    });
  };

  // The zone versions, each with whether it is shown; all are drawn on one canvas (ZoneLayer).
  App.prototype._zones = function (zones) {
    this.zoneLayers = zones.map(function (zone) { return {zone: zone, rings: null, on: false}; });
    this.zoneCanvas = new ZoneLayer(this, {pane: 'mapgenZones'}).addTo(this.map);
    this._zonesChanged = true;
  };

  // The shown zone version under a map position (the one drawn last, on top), or null.
  App.prototype._zoneAt = function (latlng) {
    var p = worldRing([[latlng.lng, latlng.lat]]).xy, x = p[0], y = p[1];
    for (var k = this.zoneLayers.length - 1; k >= 0; k--) {
      var z = this.zoneLayers[k];
      if (z.on && insideRings(zoneRings(z), x, y)) return z.zone;
    }
    return null;
  };

  App.prototype.go = function (index) {
    var clock = this.clock, last = clock.days.iso.length - 1;
    index = Math.max(0, Math.min(last, Math.round(index)));
    clock.index = index;
    clock.ready = false;
    clock.compute();
    var t = clock.instant(index), shown = [];
    // zones on the same clock: the versions valid at the end of the slider's day
    this.zoneLayers.forEach(function (z) {
      var on = z.zone.from < t && (z.zone.to === null || z.zone.to >= t);
      if (on !== z.on) {
        z.on = on;
        this._zonesChanged = true;  // drawn with the incidents, in the next frame
      }
      if (on) shown.push(z.zone.id);
    }, this);
    clock.zonesShown = shown;
    var label = clock.days.label[index];
    this.slider.update(index, label, label + ': ' + clock.count + ' incidents');
    this._scheduleDraw();
    this.emit('date');
  };

  App.prototype.emit = function (reason) {
    var clock = this.clock;
    var detail = {reason: reason, date: clock.days.iso[clock.index], index: clock.index,
                  selected: clock.selected === null ? null : clock.inc.id(clock.selected),
                  count: clock.count};
    document.dispatchEvent(new CustomEvent('mapgen:change', {detail: detail}));
  };

  // Draw in the next animation frame (several changes within one frame draw once); `ready`
  // turns true in that frame, right after the canvas has been drawn for the current date, and
  // the promises of whenReady() resolve then.
  App.prototype._scheduleDraw = function () {
    var app = this;
    if (this._frame) cancelAnimationFrame(this._frame);
    this._frame = requestAnimationFrame(function () {
      app._frame = null;
      app._draw();
    });
  };

  // Draw now instead of in the next frame (once, when the incidents have been decoded: the
  // frame that shows them is then the next one, not the one after).
  App.prototype._drawNow = function () {
    if (this._frame) cancelAnimationFrame(this._frame);
    this._frame = null;
    this._draw();
  };

  App.prototype._draw = function () {
    var started = performance.now();
    if (this._zonesChanged) {
      this._zonesChanged = false;
      this.zoneCanvas.redraw();
    }
    this.points.redraw();
    this.drawMs = performance.now() - started;
    if (!this.loaded) return;
    this.clock.ready = true;
    var waiting = this._waiting;
    this._waiting = [];
    waiting.forEach(function (resolve) { resolve(); });
  };

  App.prototype.whenReady = function () {
    var app = this;
    if (this.clock.ready) return Promise.resolve(this.state({ids: false}));
    return new Promise(function (resolve) { app._waiting.push(resolve); })
      .then(function () { return app.state({ids: false}); });
  };

  // Play: one day per step, waiting for each step's drawing; 700 ms a day at speed 1.
  App.prototype.togglePlay = function () {
    var app = this, button = this.slider.play;
    if (this._playing) {
      clearTimeout(this._timer);
      this._playing = false;
      this._timer = null;
      button.textContent = '▶';
      button.setAttribute('aria-label', 'Play');
      return;
    }
    if (this.clock.index >= this.clock.days.iso.length - 1) this.go(0);
    this._playing = true;
    button.textContent = '❚❚';
    button.setAttribute('aria-label', 'Pause');
    var tick = function () {
      if (!app._playing) return;
      app.go(app.clock.index + 1);
      if (app.clock.index >= app.clock.days.iso.length - 1) { app.togglePlay(); return; }  // the end
      app.whenReady().then(function () {
        if (app._playing) app._timer = setTimeout(tick, (app.data.playMs || 700) / app.speed);
      });
    };
    this._timer = setTimeout(tick, (this.data.playMs || 700) / this.speed);
  };

  App.prototype.openIndex = function (i, latlng) {
    var app = this, inc = this.clock.inc;
    if (!inc.hasText) {
      // selected (and drawn so) now; the popup once its text has arrived, if still selected
      this.clock.selected = i;
      this.points.redraw();
      return this._loadText().then(function () { if (app.clock.selected === i) app.openIndex(i, latlng); });
    }
    this.clock.selected = i;
    this.points.redraw();
    L.popup({maxWidth: 340, autoPanPadding: [20, 20]})
      .setLatLng(latlng || [inc.lat(i), inc.lon(i)])
      .setContent(incidentPopup(this.data, inc, i))
      .openOn(this.map);
    this.clock.selected = i;
    this.emit('select');
  };

  // The id lists cost time at 100,000 incidents: state({ids: false}) leaves them out and gives
  // only the counts.
  App.prototype.state = function (options) {
    var clock = this.clock, ids = !options || options.ids !== false;
    var out = {
      date: clock.days.iso[clock.index],
      index: clock.index,
      count: clock.count,
      drawnCount: this.points.drawnCount(),
      aggregated: this.points.aggregated,
      zones: clock.zonesShown.slice(),
      selected: clock.selected === null ? null : clock.inc.id(clock.selected),
      ready: clock.ready,
      drawMs: this.drawMs || 0  // how long the last drawing took (for measurements)
    };
    if (ids) {
      out.incidents = clock.visibleIds();
      out.drawn = this.points.drawnIds();
    }
    if (options && options.alpha) {  // fading: each drawn incident's opacity
      out.alpha = {};
      for (var k = 0; k < this.points._drawnCount; k++) {
        var i = this.points._drawn[k];
        out.alpha[clock.inc.id(i)] = clock.alpha(i);
      }
    }
    return out;
  };

  /* ------------------------------------------------------------------ description (mapgen-share.js) */
  // What the map shows at the current date as plain data, for the screen-reader summary:
  // incident counts by type, zones shown (faction, status) and the latest incidents. Reads the
  // incident columns through `field` so that it works whether a column is an array or an accessor.
  App.prototype.describe = function (latest) {
    var clock = this.clock, inc = clock.inc, data = this.data, visible = clock.visible;
    var n = typeof clock.count === 'number' ? clock.count : visible.length;
    function field(name, i) {
      var column = inc[name];
      return typeof column === 'function' ? column.call(inc, i) : column ? column[i] : undefined;
    }
    var counts = data.types.map(function () { return 0; });
    for (var k = 0; k < n; k++) counts[inc.ty[visible[k]]]++;
    var types = [];
    data.types.forEach(function (t, m) { if (counts[m]) types.push({label: t.label, count: counts[m]}); });
    var zones = [];
    this.zoneLayers.forEach(function (z) {
      if (z.on) zones.push({id: z.zone.id, faction: data.factions[z.zone.f].label, status: z.zone.status});
    });
    var recent = [];
    for (var r = n - 1; r >= Math.max(0, n - (latest || 5)); r--) {
      var i = visible[r], type = data.types[inc.ty[i]];
      recent.push({id: field('id', i), title: field('title', i) || type.label, type: type.label,
                   when: whenLabel(data, inc, i), place: field('place', i) || ''});
    }
    return {date: clock.days.iso[clock.index], label: clock.days.label[clock.index],
            count: n, types: types, zones: zones, latest: recent};
  };

  var mapgen = window.mapgen = window.mapgen || {};
  mapgen.init = function (map, data) {
    var app = new App(map, data);
    mapgen.app = app;
    mapgen.setDate = function (iso) {
      var index = app.clock.days.iso.indexOf(String(iso).slice(0, 10));
      if (index < 0) throw new Error('date outside the map: ' + iso);
      app.go(index);
      return app.state();
    };
    mapgen.state = function (options) { return app.state(options); };
    mapgen.whenReady = function () { return app.whenReady(); };
    mapgen.days = function () { return app.clock.days.iso.slice(); };
    // Opens an incident's popup. The slider moves to the day the incident began when it is not
    // shown at the current date; options.date: 'keep' never moves it (a permalink with its own
    // date), 'incident' always does (a permalink to the incident alone).
    mapgen.openIncident = function (id, options) {
      if (!app.loaded) return app.loading.then(function () { mapgen.openIncident(id, options); });
      var i = app.clock.inc.indexOf(id), date = options && options.date;
      if (i < 0) throw new Error('no such incident: ' + id);
      if (date === 'incident' || (date !== 'keep' && !app.clock.isVisible(i))) {
        app.go(dayIndexOf(app.clock.days, app.clock.inc.s[i]));
      }
      app.openIndex(i);
    };
    mapgen.describe = function (latest) { return app.describe(latest); };
    return app;
  };
})();
