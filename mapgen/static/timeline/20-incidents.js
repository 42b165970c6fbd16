/* Incidents drawn on one canvas: circles by type and fading step, or a density grid. */

var ALPHA_LEVELS = 8;          // fading in window mode is drawn in this many steps
var AGGREGATE_ABOVE = 2500;    // more incidents than this on screen: draw a density grid
var CELL = 12;                 // grid cell, CSS pixels
var RECEDE = 0.5;              // older incidents' opacity, relative, while the step has new ones
var MAX_NEWS_ON_GRID = 2000;   // new incidents drawn over the density grid (more: the grid alone)

var PointLayer = L.Layer.extend({
  initialize: function (clock) {
    this._clock = clock;
    this._drawn = new Int32Array(0);
    this._off = new Int32Array(0);
    this._drawnCount = 0;
    this._offCount = 0;
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
    var clock = this._clock, inc = clock.inc;
    // until the incidents are decoded the canvas stays blank and without a 2D context (the
    // browser then has no bitmap of it to paint in the page's first frames)
    if (!this._ctx && !inc.n) return;
    var ctx = this._ctx || (this._ctx = this._canvas.getContext('2d'));
    var ratio = window.devicePixelRatio || 1, size = this._map.getSize();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    var visible = clock.visible, n = clock.count, o = this._origin();
    if (this._drawn.length < inc.n) { this._drawn = new Int32Array(inc.n); this._off = new Int32Array(inc.n); }
    // which visible incidents fall on screen (with a margin for the symbol), and which do not
    // (counted by place in 75-reader)
    var drawn = this._drawn, off = this._off, count = 0, offCount = 0, pad = 8, w = size.x + pad, h = size.y + pad;
    var wx = inc.wx, wy = inc.wy, scale = o.scale, ox = o.ox, oy = o.oy, k, i, x, y;
    for (k = 0; k < n; k++) {
      i = visible[k];
      x = wx[i] * scale - ox; y = wy[i] * scale - oy;
      if (x >= -pad && y >= -pad && x <= w && y <= h) drawn[count++] = i; else off[offCount++] = i;
    }
    this._drawnCount = count;
    this._offCount = offCount;
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
  // batched into one path per type, style and fading step. The ones that began in the slider's
  // step (clock.freshFrom, 45-today) are drawn last, larger and with a halo; the older ones
  // recede while there are new ones.
  _drawPoints: function (ctx, o, count) {
    var clock = this._clock, inc = clock.inc, types = clock.types.length, drawn = this._drawn;
    var radius = count > 800 ? 4 : 6, buckets = {}, keys = [];
    var fresh = clock.freshCount ? clock.freshFrom : Infinity, recede = clock.freshCount ? RECEDE : 1;
    var news = this._news || (this._news = []);
    news.length = 0;
    for (var k = 0; k < count; k++) {
      var i = drawn[k];
      if (inc.s[i] >= fresh) { news.push(i); continue; }
      var ring = inc.tp[i] >= 2 || inc.gp[i] >= 1 ? 1 : 0;
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
      ctx.globalAlpha = clock.levelAlpha(level) * recede;
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
    this._drawNews(ctx, o, news, radius + 2);
  },

  // The step's new incidents: a white halo, a larger circle in the type's colour (a thick
  // dashed ring when approximate) and a dark outline.
  _drawNews: function (ctx, o, news, radius) {
    if (!news.length) return;
    var clock = this._clock, inc = clock.inc, n = news.length, k, i, x, y;
    ctx.globalAlpha = 0.9;
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    for (k = 0; k < n; k++) {
      i = news[k]; x = inc.wx[i] * o.scale - o.ox; y = inc.wy[i] * o.scale - o.oy;
      ctx.moveTo(x + radius + 4, y);
      ctx.arc(x, y, radius + 4, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.globalAlpha = 1;
    for (k = 0; k < n; k++) {  // few: one path each, oldest first so the newest lie on top
      i = news[k]; x = inc.wx[i] * o.scale - o.ox; y = inc.wy[i] * o.scale - o.oy;
      var colour = clock.types[inc.ty[i]].color;
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      if (inc.tp[i] >= 2 || inc.gp[i] >= 1) {
        ctx.lineWidth = 3.5;
        ctx.strokeStyle = colour;
        ctx.setLineDash([4, 2]);
        ctx.stroke();
        ctx.setLineDash([]);
      } else {
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#111111';
        ctx.stroke();
      }
    }
    if (radius + 4 > this._radius) this._radius = radius + 2;
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
      ctx.fillStyle = clock.types[tt].color;
      // one path per circle: the browser rasterises a lone circle by a fast path, thousands in
      // one path by its general one (the grid at 100,000 incidents took a third longer so). No
      // outline: the largest circle leaves a pixel to its neighbours (and the browser
      // rasterises a third less).
      for (var p = 0; p < pts.length; p += 3) {
        ctx.beginPath();
        ctx.arc(pts[p], pts[p + 1], pts[p + 2], 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    this._radius = CELL / 2;
    if (clock.freshCount && clock.freshCount <= MAX_NEWS_ON_GRID) {
      var news = this._news || (this._news = []), fresh = clock.freshFrom;
      news.length = 0;
      for (var f = 0; f < count; f++) if (inc.s[drawn[f]] >= fresh) news.push(drawn[f]);
      this._drawNews(ctx, o, news, 4);
    }
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
