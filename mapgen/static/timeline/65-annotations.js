/* Editors' annotations (map.yaml): labels, lines, arrows and areas, each on its dates. */

// Drawn on a canvas of their own in a pane between the zones and the incidents (mapgen/
// annotations.py shapes them: k kind, t text, pts [[lat, lon]...], from/to epoch minutes (to
// exclusive, null open), c colour, d dashed). Shown like zones: the state at the end of the
// slider's day. Text is drawn on the canvas, so it is never markup.
var NOTE_FONT = 'italic 600 12px "Helvetica Neue", Arial, Helvetica, sans-serif';

var NoteLayer = DrawnCanvas.extend({
  initialize: function (app, options) {
    L.Canvas.prototype.initialize.call(this, options);
    this._app = app;
    this._notes = (app.data.notes || []).map(function (n) {
      return {note: n, xy: worldRing(n.pts.map(function (p) { return [p[1], p[0]]; })).xy, on: false};
    });
  },

  // which notes are shown at the end of day `index`; true when that changed
  update: function (index) {
    var t = this._app.clock.instant(index), changed = false;
    this._notes.forEach(function (n) {
      var on = (n.note.from === null || n.note.from < t) && (n.note.to === null || n.note.to >= t);
      if (on !== n.on) { n.on = on; changed = true; }
    });
    return changed;
  },

  shown: function () {
    var out = [];
    this._notes.forEach(function (n, k) { if (n.on) out.push(k); });
    return out;
  },

  _draw: function () {
    var ctx = this._ctx, b = this._bounds, map = this._map;
    if (!ctx || !b || !map) return;
    var scale = 256 * Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
    var ox = origin.x, oy = origin.y, size = b.getSize();
    ctx.clearRect(b.min.x, b.min.y, size.x, size.y);
    ctx.lineJoin = ctx.lineCap = 'round';
    var texts = [];
    this._notes.forEach(function (n) {
      if (!n.on) return;
      var note = n.note, xy = n.xy, pts = [], k;
      for (k = 0; k < xy.length; k += 2) pts.push([xy[k] * scale - ox, xy[k + 1] * scale - oy]);
      if (note.k === 'label') {
        texts.push({text: note.t, x: pts[0][0], y: pts[0][1], colour: note.c, dot: true});
        return;
      }
      ctx.beginPath();
      ctx.moveTo(pts[0][0], pts[0][1]);
      for (k = 1; k < pts.length; k++) ctx.lineTo(pts[k][0], pts[k][1]);
      if (note.k === 'area') {
        ctx.closePath();
        ctx.globalAlpha = 0.12;
        ctx.fillStyle = note.c;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
      ctx.setLineDash(note.d ? [8, 6] : []);
      ctx.lineWidth = 5;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.8)';
      ctx.stroke();
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = note.c;
      ctx.stroke();
      ctx.setLineDash([]);
      if (note.k === 'arrow') arrowHead(ctx, pts[pts.length - 2], pts[pts.length - 1], note.c);
      if (note.t) {
        // an area's name in its middle, a line's halfway along, an arrow's at its tail
        var at = note.k === 'area' ? centroid(pts) : note.k === 'arrow' ? pts[0] : middleOf(pts);
        texts.push({text: note.t, x: at[0], y: at[1] + (note.k === 'arrow' ? 14 : -10), colour: note.c, dot: false});
      }
    });
    ctx.font = NOTE_FONT;
    ctx.textBaseline = 'middle';
    // a line's, arrow's or area's name moves off the incidents' circles and place names when it
    // can (45-today: labelSpot); a label annotation stays at its own point
    var app = this._app, placed = [], avoid = labelObstacles(app, scale, ox, oy), boxes = this.textBoxes = [];
    var view = visibleBox(map), pane = map._getMapPanePos();
    texts.forEach(function (t) {
      ctx.textAlign = t.dot ? 'left' : 'center';
      var x = t.dot ? t.x + 7 : t.x;
      if (!t.dot) {
        var half = ctx.measureText(t.text).width / 2 + 3;
        var spot = labelSpot(t.x, t.y, half, 8, placed, avoid, view) || [t.x, t.y];
        x = spot[0];
        t.y = spot[1];
        var box = [x - half, t.y - 8, x + half, t.y + 8];
        placed.push(box);
        boxes.push({text: t.text, box: [box[0] + pane.x, box[1] + pane.y, box[2] + pane.x, box[3] + pane.y]});
      }
      if (t.dot) {
        ctx.beginPath();
        ctx.arc(t.x, t.y, 3, 0, 2 * Math.PI);
        ctx.fillStyle = t.colour;
        ctx.fill();
      }
      ctx.lineWidth = 4;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.95)';
      ctx.strokeText(t.text, x, t.y);
      ctx.fillStyle = t.colour;
      ctx.fillText(t.text, x, t.y);
    });
    ctx.textAlign = 'start';
  }
});

function arrowHead(ctx, from, to, colour) {
  var angle = Math.atan2(to[1] - from[1], to[0] - from[0]), size = 13;
  ctx.beginPath();
  ctx.moveTo(to[0], to[1]);
  ctx.lineTo(to[0] - size * Math.cos(angle - 0.45), to[1] - size * Math.sin(angle - 0.45));
  ctx.lineTo(to[0] - size * Math.cos(angle + 0.45), to[1] - size * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.lineWidth = 2;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.stroke();
  ctx.fillStyle = colour;
  ctx.fill();
}

// the point halfway along a polyline
function middleOf(pts) {
  var total = 0, k, lengths = [];
  for (k = 1; k < pts.length; k++) {
    var len = Math.hypot(pts[k][0] - pts[k - 1][0], pts[k][1] - pts[k - 1][1]);
    lengths.push(len);
    total += len;
  }
  var half = total / 2;
  for (k = 1; k < pts.length; k++) {
    if (half <= lengths[k - 1] || k === pts.length - 1) {
      var f = lengths[k - 1] ? Math.min(1, half / lengths[k - 1]) : 0;
      return [pts[k - 1][0] + f * (pts[k][0] - pts[k - 1][0]), pts[k - 1][1] + f * (pts[k][1] - pts[k - 1][1])];
    }
    half -= lengths[k - 1];
  }
  return pts[0];
}

function centroid(pts) {
  var x = 0, y = 0;
  pts.forEach(function (p) { x += p[0]; y += p[1]; });
  return [x / pts.length, y / pts.length];
}

APP_PARTS.push({
  init: function (app) {
    if (!(app.data.notes || []).length) return;
    var pane = app.map.createPane('mapgenNotes');
    pane.style.zIndex = 400;  // above the zones (350), below the incidents (450)
    pane.style.pointerEvents = 'none';
    app.notes = new NoteLayer(app, {pane: 'mapgenNotes'}).addTo(app.map);
    // the notes' names keep clear of the place names, which come after the first picture
    if (app.basemap) {
      app.basemap.on('placelabels', function () {
        var boxes = (app.notes.textBoxes || []).map(function (t) { return t.box; });
        if (coversPlaceLabel(app, boxes)) app.notes.redraw();
      });
    }
  },
  date: function (app) {
    if (app.notes && app.notes.update(app.clock.index)) app._notesChanged = true;
  },
  drawn: function (app) {
    if (app.notes && app._notesChanged) {
      app._notesChanged = false;
      app.notes.redraw();
    }
  },
  state: function (app, out) { out.notes = app.notes ? app.notes.shown() : []; }
});
