/* The offline vector basemap, drawn on a canvas from coordinate arrays; ring helpers. */

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
