/* Control zones for the slider's date, drawn on a canvas; hit-testing a click. */

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
    var zoneScale = this._app.data.zoneScale;
    ctx.clearRect(b.min.x, b.min.y, size.x, size.y);
    ctx.lineJoin = ctx.lineCap = 'round';
    this._app.zoneLayers.forEach(function (z) {
      if (!z.on) return;
      var zone = z.zone, colour = factions[zone.f].color, status = zone.status;
      ctx.beginPath();
      traceRings(ctx, zoneRings(z, zoneScale), scale, ox, oy);
      // assessed: a plain tint; claimed: a fainter tint; contested: the faction's hatching
      ctx.globalAlpha = status === 'assessed' ? 0.28 : status === 'claimed' ? 0.14 : 0.08;
      ctx.fillStyle = colour;
      ctx.fill('evenodd');
      if (status === 'contested') {
        ctx.globalAlpha = 0.75;
        ctx.fillStyle = hatch(ctx, colour, ox, oy);
        ctx.fill('evenodd');
      }
      ctx.globalAlpha = 1;
      ctx.lineWidth = status === 'assessed' ? 1.5 : 2;
      ctx.setLineDash(status === 'assessed' ? [] : [6, 4]);  // claimed or contested: dashed
      ctx.strokeStyle = colour;
      ctx.stroke();
    });
    ctx.setLineDash([]);
    drawTaken(ctx, this._app, scale, ox, oy);  // ground taken in the slider's step (45-today)
  }
});

// Diagonal hatching in a colour, as control maps draw contested ground (and the day's taken
// ground, 45-today); anchored to the map's pixel grid so it does not crawl when the map pans.
// Tile and pattern are made once per colour and canvas; a draw only moves the pattern.
var HATCH_SIZE = 8;
var hatches = {};
function hatch(ctx, colour, ox, oy) {
  var made = hatches[colour];
  if (!made || made.ctx !== ctx) {
    var tile = document.createElement('canvas');
    var ratio = window.devicePixelRatio || 1, size = Math.round(HATCH_SIZE * ratio);
    tile.width = tile.height = size;
    var t = tile.getContext('2d');
    t.strokeStyle = colour;
    t.lineWidth = 1.6 * ratio;
    t.beginPath();
    // one stripe corner to corner, and the two halves that continue it across the tile's edges
    t.moveTo(0, size); t.lineTo(size, 0);
    t.moveTo(-size / 2, size / 2); t.lineTo(size / 2, -size / 2);
    t.moveTo(size / 2, size * 1.5); t.lineTo(size * 1.5, size / 2);
    t.stroke();
    made = hatches[colour] = {ctx: ctx, ratio: ratio, pattern: ctx.createPattern(tile, 'repeat')};
  }
  if (made.pattern && made.pattern.setTransform && window.DOMMatrix) {
    made.pattern.setTransform(new DOMMatrix().translate(-ox % HATCH_SIZE, -oy % HATCH_SIZE).scale(1 / made.ratio));
  }
  return made.pattern;
}

// A zone version's rings in world units, made the first time it is drawn or clicked: its
// geometry is its rings (outer and inner alike) as encoded lines (shape.py: zone_lines) on a
// grid of 1/scale degree (data.zoneScale).
function zoneRings(z, scale) {
  if (!z.rings) z.rings = z.zone.geom.map(function (text) { return decodeLine(text, scale); });
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
