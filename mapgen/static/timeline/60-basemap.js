/* The offline basemap (geography, relief, names) drawn on a canvas from coordinate arrays; the
 * basemap switcher; ring helpers. */

// Leaflet's canvas renderer, drawing with its own _draw() instead of Leaflet paths: Leaflet
// calls these after it has sized and placed the canvas for the view (and scales it during
// zoom animations).
var DrawnCanvas = L.Canvas.extend({
  _updatePaths: function () { if (!this._postponeUpdatePaths) this._draw(); },
  _redraw: function () { this._draw(); },
  redraw: function () { this._draw(); return this; }
});

var LABEL_FONT = '11px "Helvetica Neue", Arial, Helvetica, sans-serif';
var LABEL_OFFSET = 14;  // px from the place to its name: clear of an incident's circle (radius 6; 12 with the day's halo)
var FONT_FAMILY = '"Helvetica Neue", Arial, Helvetica, sans-serif';

// The look of the offline map: a muted locator-map palette; widths in CSS pixels by zoom.
var BASE_STYLE = {
  land: '#f4f1ea', outline: '#9a968c', urban: '#e5dccd', lake: '#c3d7e3', lakeEdge: '#9fbccd',
  river: '#88abc2', riverName: '#4c7893', province: '#b1a898', border: '#8a8276', borderHalo: '#e3dbcc',
  town: '#2f2f2f', townDot: '#444', countryName: '#9b9285', provinceName: '#a0988a',
  // motorway, trunk, primary, secondary: fill and casing
  road: [['#e6b07e', '#bb8a5c'], ['#efcb9c', '#c4a077'], ['#f8e8c8', '#cbb894'], ['#ffffff', '#c9c1b2']],
  // zoomed out, thin lines without casing
  roadFar: ['#d9a273', '#e0b98c', '#e2cfac', '#d8d0c2']
};
// the zoom from which each road class is drawn, and its width at zooms 6..13 (clamped)
var ROAD_MIN_ZOOM = [5, 6, 8, 10];
var ROAD_WIDTH = [[1, 1.3, 1.7, 2.2, 2.6, 3.2, 3.8, 4.6], [0.8, 1, 1.3, 1.8, 2.2, 2.8, 3.4, 4.2],
                  [0, 0, 1, 1.3, 1.8, 2.2, 2.8, 3.6], [0, 0, 0, 0, 1, 1.4, 2, 2.8]];
// towns get a name from this zoom, by population (a capital from zoom 4, a province capital from 6)
var TOWN_ZOOM = [[1000000, 5], [300000, 6], [100000, 7], [40000, 8], [15000, 9], [5000, 10], [1000, 11], [0, 12]];
var SHIELD_SPACING = 320;  // px between two shields of the same road number

// 64 characters for 6-bit groups (mapgen/basemap.py: encode_line)
var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
var ALPHABET_VALUE = (function () {
  var v = new Int8Array(128).fill(-1);
  for (var k = 0; k < ALPHABET.length; k++) v[ALPHABET.charCodeAt(k)] = k;
  return v;
})();

// An encoded line -> {xy: Web Mercator x, y at zoom 0 (0..1), box} (as worldRing gives),
// decoded straight into the typed array.
function decodeLine(text, scale) {
  var n = text.length, xy = new Float64Array(n), count = 0, z = 0, shift = 0, x = 0, y = 0, odd = false;
  var box = [Infinity, Infinity, -Infinity, -Infinity], maxLat = 85.0511, rad = Math.PI / 180;
  for (var k = 0; k < n; k++) {
    var v = ALPHABET_VALUE[text.charCodeAt(k)];
    z |= (v & 31) << shift;
    if (v & 32) { shift += 5; continue; }
    var value = z & 1 ? -(z >>> 1) - 1 : z >>> 1;
    z = 0; shift = 0;
    if (!odd) { x += value; odd = true; continue; }
    y += value; odd = false;
    var lat = Math.max(Math.min(y / scale, maxLat), -maxLat) * rad, sin = Math.sin(lat);
    var wx = (x / scale + 180) / 360, wy = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    xy[count++] = wx; xy[count++] = wy;
    if (wx < box[0]) box[0] = wx; if (wx > box[2]) box[2] = wx;
    if (wy < box[1]) box[1] = wy; if (wy > box[3]) box[3] = wy;
  }
  return {xy: xy.subarray(0, count), box: box};
}

// Country outlines, the detailed geography of the map's region (basemap.geo: roads, rivers,
// lakes, built-up areas, province and country lines, towns, relief; each in zoom bands), and
// place names, drawn straight from coordinate arrays: no Leaflet polygon, no LatLng object per
// vertex, no DOM element per label. Everything is projected once to Web Mercator at zoom 0
// (lazily, band by band) and scaled to the view each time it changes; a slider step never
// redraws it. With an online basemap shown (`online`), only the incidents' place names are drawn.
var BasemapLayer = DrawnCanvas.extend({
  initialize: function (basemap, options) {
    L.Canvas.prototype.initialize.call(this, options);
    // each country's rings as encoded lines, decoded the first time the country is in view
    // (countryRings): a map of Aleppo with a statement made in Moscow never decodes Russia
    var outlines = basemap.countries || {features: []};
    this._countries = outlines.features.map(function (feature) {
      var b = feature.bbox || [-180, -90, 180, 90], pad = 0.01;  // [west, south, east, north], rounded
      return {name: ((feature.properties && feature.properties.name) || '').toUpperCase(), lines: feature.rings,
              scale: outlines.scale, rings: null, box: worldRing([[b[0] - pad, b[3] + pad], [b[2] + pad, b[1] - pad]]).box};
    });
    var places = basemap.places || [];
    this._dots = worldRing(places.map(function (p) { return [p[2], p[1]]; }));
    this._labels = places.map(function (p) { return {name: p[0], width: null}; });
    this.shownLabels = [];
    this.online = false;
    this.report = {layers: [], labels: [], refs: []};
    this.names = [];
    var geo = this._geo = basemap.geo || null;
    if (geo) {
      this._bands = geo.bands.map(function (band) {
        var p = worldRing([[band.box[0], band.box[1]], [band.box[2], band.box[3]]]).box;
        return {maxZoom: band.maxZoom, scale: band.scale, box: p, layers: null};
      });
      this._towns = geo.towns.map(function (t) {
        var p = worldRing([[t[0], t[1]]]).xy;
        return {x: p[0], y: p[1], pop: t[2], name: t[3], rank: t[4], width: null};
      });
      this._provinceNames = geo.provinceNames.map(function (t) {
        var p = worldRing([[t[0], t[1]]]).xy;
        return {x: p[0], y: p[1], name: t[2].toUpperCase(), width: null};
      });
      var relief = geo.relief || {};
      this._relief = (relief.overview ? [relief.overview] : []).concat(relief.pieces || []).map(function (r, k) {
        return {box: worldRing([[r[0], r[3]], [r[2], r[1]]]).box, uri: r[4], image: null,
                overview: k === 0 && !!relief.overview};
      });
    }
    this.detail = false;
    this.detailReady = null;
  },

  // Draws the detailed geography and the names, then the relief once its images are decoded
  // (off the main thread: an <img> with a data: address holds up the page's loading for
  // seconds). Until then the layer draws country outlines only: the app calls this once the
  // incidents are on screen and the page has loaded, so the story comes first. A Promise.
  showDetail: function () {
    var layer = this;
    if (!this.detailReady) {
      this.detail = true;
      if (this._map) this._draw();
      this.detailReady = Promise.all((this._relief || []).map(function (piece) {
        return imageFromDataUri(piece.uri).then(function (image) { piece.image = image; }, function () {});
      })).then(function () {
        if (layer._map && layer._relief && layer._relief.length) layer._draw();
        layer.detailAt = performance.now();  // for measurements
      });
    }
    return this.detailReady;
  },

  // The band's layers, decoded the first time the band is drawn: {name: [{a: attrs, parts}]}.
  _band: function (b) {
    var band = this._bands[b];
    if (!band.layers) {
      var arity = {roads: 2, rivers: 2, lakes: 1, urban: 0, borders: 0, provinces: 0}, layers = {};
      var source = this._geo.layers;
      Object.keys(source).forEach(function (name) {
        var n = arity[name] || 0;
        layers[name] = source[name][b].map(function (f) {
          var parts = [];
          for (var k = n; k < f.length; k++) parts.push(decodeLine(f[k], band.scale));
          return {a: f.slice(0, n), parts: parts, box: unionBox(parts)};
        });
      });
      band.layers = layers;
    }
    return band.layers;
  },

  setOnline: function (online) {
    this.online = online;
    if (this._map) this._draw();
  },

  _draw: function () {
    var ctx = this._ctx, b = this._bounds, map = this._map;
    if (!ctx || !b || !map) return;
    var started = performance.now();
    var zoom = map.getZoom(), scale = 256 * Math.pow(2, zoom), origin = map.getPixelOrigin();
    var size = b.getSize();
    // the view in world units, to skip what lies outside it
    var view = {scale: scale, ox: origin.x, oy: origin.y, zoom: zoom,
                box: [(b.min.x + origin.x) / scale, (b.min.y + origin.y) / scale,
                      (b.max.x + origin.x) / scale, (b.max.y + origin.y) / scale],
                bounds: b, drawn: {}, labels: [], refs: [], taken: [], names: []};
    ctx.clearRect(b.min.x, b.min.y, size.x, size.y);
    ctx.lineJoin = ctx.lineCap = 'round';
    if (!this.online) {
      this._drawLand(ctx, view);
      if (this._geo && this.detail) this._drawGeography(ctx, view);
    }
    if (this.detail) this._drawLabels(ctx, view);
    if (!this.online && this.detail) this._drawNames(ctx, view);
    var layers = Object.keys(view.drawn).filter(function (k) { return view.drawn[k] > 0; });
    // the canvas reaches a little beyond the view: report what is in the view
    var at = map._getMapPanePos(), visible = map.getSize();
    var inView = function (items) {
      var seen = {}, out = [];
      items.forEach(function (l) {
        var box = l.box;
        if (box[2] + at.x < 0 || box[0] + at.x > visible.x || box[3] + at.y < 0 || box[1] + at.y > visible.y) return;
        if (!seen[l.name]) out.push(l.name);
        seen[l.name] = true;
      });
      return out;
    };
    this.report = {layers: layers, labels: inView(view.labels), refs: inView(view.refs)};
    this.names = view.names;
    this.drawMs = performance.now() - started;  // for measurements
  },

  _drawLand: function (ctx, view) {
    var rings = this._landRings(view.box);
    ctx.beginPath();
    traceRings(ctx, rings, view.scale, view.ox, view.oy);
    ctx.fillStyle = BASE_STYLE.land;
    ctx.fill('evenodd');
    view.drawn.land = rings.length;
    // outlines where the detailed country lines do not reach (and all of them far out)
    var area = this._bands ? this._bands[0].box : null;
    ctx.save();
    if (area && view.zoom >= 5) {
      ctx.beginPath();
      this._rect(ctx, view, view.box);
      this._rect(ctx, view, area);
      ctx.clip('evenodd');
    }
    ctx.beginPath();
    traceRings(ctx, rings, view.scale, view.ox, view.oy);
    ctx.lineWidth = 1;
    ctx.strokeStyle = BASE_STYLE.outline;
    ctx.stroke();
    ctx.restore();
  },

  // The rings of the countries' outlines that meet a box (world units).
  _landRings: function (box) {
    var out = [];
    this._countries.forEach(function (c) {
      if (!c.name || !meets(c.box, box)) return;
      countryRings(c).forEach(function (r) { if (meets(r.box, box)) out.push(r); });
    });
    return out;
  },

  _rect: function (ctx, view, box) {
    var x0 = box[0] * view.scale - view.ox, y0 = box[1] * view.scale - view.oy;
    ctx.rect(x0, y0, box[2] * view.scale - view.ox - x0, box[3] * view.scale - view.oy - y0);
  },

  // The band for the zoom, and outside its area the coarser bands (each clipped to where the
  // finer one has no data), bottom layer first.
  _drawGeography: function (ctx, view) {
    var bands = this._bands, target = 0;
    while (target < bands.length - 1 && view.zoom > bands[target].maxZoom) target++;
    this._drawRelief(ctx, view);
    var order = ['urban', 'lakes', 'rivers', 'provinces', 'borders', 'roads'];
    view.shields = [];
    view.riverNames = {};
    view.lakeNames = [];
    order.forEach(function (name) {
      for (var k = target; k >= 0; k--) {
        if (k < target && contains(bands[k + 1].box, view.box)) break;  // the finer band covers the view
        ctx.save();
        ctx.beginPath();
        this._rect(ctx, view, k === target ? bands[k].box : view.box);
        if (k < target) this._rect(ctx, view, bands[k + 1].box);
        ctx.clip('evenodd');
        this['_' + name](ctx, view, this._band(k)[name] || [], k);
        ctx.restore();
      }
    }, this);
  },

  _drawRelief: function (ctx, view) {
    view.drawn.relief = 0;
    if (view.zoom < 6) return;  // a country-sized smudge further out
    // subtle, and fainter as it is enlarged beyond its 1 km pixels
    var alpha = view.zoom <= 8 ? 0.45 : view.zoom >= 12 ? 0.15 : 0.45 - (view.zoom - 8) * 0.075, count = 0;
    var pieces = this._relief.filter(function (r) { return !r.overview && r.image; });
    var detail = pieces.length ? unionBox(pieces) : null;
    ctx.save();
    ctx.beginPath();  // on land only (the sea is the map's background, under the canvas)
    traceRings(ctx, this._landRings(view.box), view.scale, view.ox, view.oy);
    ctx.clip('evenodd');
    ctx.globalCompositeOperation = 'multiply';
    ctx.globalAlpha = alpha;
    ctx.imageSmoothingQuality = 'high';
    this._relief.forEach(function (r) {
      if (!r.image || !meets(r.box, view.box)) return;
      ctx.save();
      if (r.overview && detail && view.zoom >= 7) {  // the sharper pieces where there are some
        ctx.beginPath();
        this._rect(ctx, view, view.box);
        this._rect(ctx, view, detail);
        ctx.clip('evenodd');
      } else if (!r.overview && view.zoom < 7) {
        ctx.restore();
        return;
      }
      var x0 = r.box[0] * view.scale - view.ox, y0 = r.box[1] * view.scale - view.oy;
      ctx.drawImage(r.image, x0, y0, r.box[2] * view.scale - view.ox - x0, r.box[3] * view.scale - view.oy - y0);
      ctx.restore();
      count++;
    }, this);
    ctx.restore();
    view.drawn.relief = count;
  },

  _trace: function (ctx, view, features, filter) {
    var count = 0, s = view.scale, ox = view.ox, oy = view.oy, box = view.box;
    features.forEach(function (f) {
      if (!meets(f.box, box) || (filter && !filter(f))) return;
      f.parts.forEach(function (p) {
        if (!meets(p.box, box)) return;
        var xy = p.xy;
        ctx.moveTo(xy[0] * s - ox, xy[1] * s - oy);
        for (var k = 2; k < xy.length; k += 2) ctx.lineTo(xy[k] * s - ox, xy[k + 1] * s - oy);
        count++;
      });
    });
    return count;
  },

  _urban: function (ctx, view, features) {
    if (view.zoom < 6) return;
    ctx.beginPath();
    var n = this._trace(ctx, view, features);
    ctx.fillStyle = BASE_STYLE.urban;
    ctx.fill();
    view.drawn.urban = (view.drawn.urban || 0) + n;
  },

  _lakes: function (ctx, view, features) {
    ctx.beginPath();
    var n = this._trace(ctx, view, features);
    ctx.fillStyle = BASE_STYLE.lake;
    ctx.fill('evenodd');
    ctx.lineWidth = 0.7;
    ctx.strokeStyle = BASE_STYLE.lakeEdge;
    ctx.stroke();
    view.drawn.lakes = (view.drawn.lakes || 0) + n;
    if (view.zoom >= 7) {
      features.forEach(function (f) {
        if (f.a[0] && meets(f.box, view.box)) view.lakeNames.push({name: f.a[0], box: f.box});
      });
    }
  },

  _rivers: function (ctx, view, features) {
    if (view.zoom < 6) return;
    var z = view.zoom, n = 0;
    [0, 1].forEach(function (major) {
      ctx.beginPath();
      n += this._trace(ctx, view, features, function (f) { return f.a[0] === major; });
      ctx.lineWidth = major ? (z <= 7 ? 1.1 : z <= 9 ? 1.5 : z <= 11 ? 2.2 : 3) : (z <= 9 ? 0.8 : 1.3);
      ctx.strokeStyle = BASE_STYLE.river;
      ctx.stroke();
    }, this);
    view.drawn.rivers = (view.drawn.rivers || 0) + n;
    if (z >= 8) {
      features.forEach(function (f) {
        if (!f.a[1] || !meets(f.box, view.box)) return;
        var list = view.riverNames[f.a[1]] || (view.riverNames[f.a[1]] = []);
        list.push(f);
      });
    }
  },

  _provinces: function (ctx, view, features) {
    if (view.zoom < 5) return;
    ctx.beginPath();
    var n = this._trace(ctx, view, features);
    ctx.setLineDash([5, 3]);
    ctx.lineWidth = view.zoom >= 10 ? 1.2 : 0.9;
    ctx.strokeStyle = BASE_STYLE.province;
    ctx.stroke();
    ctx.setLineDash([]);
    view.drawn.provinces = (view.drawn.provinces || 0) + n;
  },

  _borders: function (ctx, view, features) {
    ctx.beginPath();
    var n = this._trace(ctx, view, features), z = view.zoom;
    if (z >= 7) {
      ctx.lineWidth = z >= 10 ? 6 : 4;
      ctx.strokeStyle = BASE_STYLE.borderHalo;
      ctx.stroke();
    }
    ctx.lineWidth = z <= 6 ? 1 : z <= 9 ? 1.3 : 1.7;
    ctx.strokeStyle = BASE_STYLE.border;
    ctx.stroke();
    view.drawn.borders = (view.drawn.borders || 0) + n;
  },

  _roads: function (ctx, view, features) {
    var z = view.zoom, n = 0, w = Math.max(0, Math.min(7, z - 6));
    // casings of every class first, then the fills from minor to major
    var classes = [3, 2, 1, 0].filter(function (c) { return z >= ROAD_MIN_ZOOM[c]; });
    var byClass = function (c) { return function (f) { return f.a[0] === c; }; };
    if (z >= 10) {
      classes.forEach(function (c) {
        ctx.beginPath();
        this._trace(ctx, view, features, byClass(c));
        ctx.lineWidth = ROAD_WIDTH[c][w] + 1.6;
        ctx.strokeStyle = BASE_STYLE.road[c][1];
        ctx.stroke();
      }, this);
    }
    classes.forEach(function (c) {
      ctx.beginPath();
      n += this._trace(ctx, view, features, byClass(c));
      ctx.lineWidth = (ROAD_WIDTH[c][w] || 0.8) * (z >= 10 ? 1 : 0.8);
      ctx.strokeStyle = z >= 10 ? BASE_STYLE.road[c][0] : BASE_STYLE.roadFar[c];
      ctx.stroke();
    }, this);
    view.drawn.roads = (view.drawn.roads || 0) + n;
    // road numbers: places along the major roads, every SHIELD_SPACING px
    if (z < 7) return;
    var s = view.scale, ox = view.ox, oy = view.oy, b = view.bounds;
    features.forEach(function (f) {
      var ref = f.a[1], c = f.a[0];
      if (!ref || c > (z >= 10 ? 2 : z >= 8 ? 1 : 0) || !meets(f.box, view.box)) return;
      f.parts.forEach(function (p) {
        var xy = p.xy, run = SHIELD_SPACING / 2;
        for (var k = 2; k < xy.length; k += 2) {
          var x0 = xy[k - 2] * s - ox, y0 = xy[k - 1] * s - oy, x1 = xy[k] * s - ox, y1 = xy[k + 1] * s - oy;
          var d = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
          if (run + d >= SHIELD_SPACING) {
            var t = Math.max(0, (SHIELD_SPACING - run) / (d || 1)), x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
            if (x > b.min.x && x < b.max.x && y > b.min.y && y < b.max.y) view.shields.push({ref: ref, cls: c, x: x, y: y});
            run = 0;
          } else {
            run += d;
          }
        }
      });
    });
  },

  // The incidents' place names beside their dots (right, else left, above or below), most-used
  // first; a label that fits nowhere is left out (zooming in makes room for it). A white halo keeps them
  // readable over the map (zones and incidents are drawn above, on their own canvases).
  _drawLabels: function (ctx, view) {
    var dots = this._dots.xy, shown = [], scale = view.scale, ox = view.ox, oy = view.oy, bounds = view.bounds;
    // an incident's place is named (and dotted) from its first incident on (App.placeShown)
    var named = this.placeShown, drawnIndex = [];
    this._labels.forEach(function (label, k) { if (!named || named(label.name)) drawnIndex.push(k); });
    ctx.beginPath();
    for (var j = 0; j < drawnIndex.length; j++) {
      var k = 2 * drawnIndex[j];
      var px = dots[k] * scale - ox, py = dots[k + 1] * scale - oy;
      ctx.moveTo(px + 2, py);
      ctx.arc(px, py, 2, 0, 2 * Math.PI);
    }
    ctx.globalAlpha = 0.8;
    ctx.fillStyle = '#555';
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.fillStyle = '#333';
    // the incidents' circles at these places are drawn above the names: a name goes where it
    // covers none of them (a circle with the day's white halo reaches 12 px)
    var circles = [], reach = LABEL_OFFSET - 2;
    for (j = 0; j < drawnIndex.length; j++) {
      var cx = dots[2 * drawnIndex[j]] * scale - ox, cy = dots[2 * drawnIndex[j] + 1] * scale - oy;
      circles.push([cx - reach, cy - reach, cx + reach, cy + reach]);
    }
    this._labels.forEach(function (label, k) {
      if (named && !named(label.name)) return;
      if (label.width === null) label.width = ctx.measureText(label.name).width;
      var px = dots[2 * k] * scale - ox, py = dots[2 * k + 1] * scale - oy, w = label.width, box = null, x, y;
      // right of the place, else left of it, above or below (clear of the incident's circle)
      var up = LABEL_OFFSET + 8;
      var spots = [[px + LABEL_OFFSET, py], [px - LABEL_OFFSET - w, py], [px - w / 2, py - up], [px - w / 2, py + up]];
      for (var s = 0; s < spots.length && !box; s++) {
        var tryBox = [spots[s][0] - 2, spots[s][1] - 8, spots[s][0] + w + 2, spots[s][1] + 8];
        if (!collides(shown, tryBox) && !collides(circles, tryBox)) { box = tryBox; x = spots[s][0]; y = spots[s][1]; }
      }
      if (!box) return;
      if (box[2] < bounds.min.x || box[0] > bounds.max.x || box[3] < bounds.min.y || box[1] > bounds.max.y) return;
      ctx.strokeText(label.name, x, y);
      ctx.fillText(label.name, x, y);
      shown.push({name: label.name, box: box});
      view.labels.push({name: label.name, box: box});
      view.names.push({name: label.name, kind: 'place', box: box});
    });
    // the layers above place their own labels clear of these names (45-today, 65-annotations):
    // they are told when the set of names drawn changes
    var signature = shown.map(function (l) { return l.name + '@' + Math.round(l.box[0]) + ',' + Math.round(l.box[1]); }).join('|');
    this.shownLabels = shown;
    if (signature !== this._labelSignature) {
      this._labelSignature = signature;
      this.fire('placelabels');
    }
    view.taken = shown.map(function (l) { return l.box; });
    view.drawn.places = shown.length;
  },

  // Layer pixels of the incidents' places whose names are shown.
  _placeDots: function (view) {
    var dots = this._dots.xy, out = [], names = {};
    this.shownLabels.forEach(function (l) { names[l.name] = true; });
    this._labels.forEach(function (label, k) {
      if (names[label.name]) out.push(dots[2 * k] * view.scale - view.ox, dots[2 * k + 1] * view.scale - view.oy);
    });
    return out;
  },

  // The map's controls as boxes in layer pixels.
  _controlBoxes: function (view) {
    var map = this._map, container = map.getContainer(), at = map._getMapPanePos(), out = [];
    var origin = container.getBoundingClientRect();
    var boxes = container.querySelectorAll('.leaflet-control');
    for (var k = 0; k < boxes.length; k++) {
      var r = boxes[k].getBoundingClientRect();
      if (!r.width || !r.height) continue;
      out.push([r.left - origin.left - at.x, r.top - origin.top - at.y, r.right - origin.left - at.x, r.bottom - origin.top - at.y]);
    }
    return out;
  },

  // Towns by population and zoom, road numbers, country, province, river and lake names, in
  // that order of importance: each only where it overlaps nothing drawn before it.
  _drawNames: function (ctx, view) {
    var taken = view.taken, z = view.zoom, s = view.scale, ox = view.ox, oy = view.oy, b = view.bounds;
    // names wholly inside the visible map (the canvas reaches a little beyond it)
    var at = this._map._getMapPanePos(), size = this._map.getSize();
    var vx0 = -at.x, vy0 = -at.y, vx1 = vx0 + size.x, vy1 = vy0 + size.y;
    var inView = function (box) { return box[0] >= vx0 && box[2] <= vx1 && box[1] >= vy0 && box[3] <= vy1; };
    view.inView = inView;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    var towns = 0, places = this._placeDots(view);
    // names stay clear of the map's controls (legend, slider, buttons), where they would be hidden
    var controls = this._controlBoxes(view);
    taken.push.apply(taken, controls);
    (this._towns || []).forEach(function (t) {
      // GeoNames gives some district seats no population: named as towns of 5,000
      if ((t.pop || 5000) < townPopulationAt(z) && !(t.rank === 2 && z >= 4) && !(t.rank === 1 && z >= 6)) return;
      var x = t.x * s - ox, y = t.y * s - oy;
      if (x < b.min.x || x > b.max.x || y < b.min.y || y > b.max.y) return;
      for (var p = 0; p < places.length; p += 2) {  // the incidents' name for this place is shown
        if (Math.abs(places[p] - x) < 12 && Math.abs(places[p + 1] - y) < 12) return;
      }
      var big = t.pop >= 1000000 || t.rank === 2, mid = t.pop >= 100000 || t.rank === 1;
      var size = big ? 13.5 : mid ? 12.5 : t.pop >= 15000 ? 12 : 11, r = big ? 3.5 : mid ? 3 : 2.2;
      ctx.font = (big ? '600 ' : '') + size + 'px ' + FONT_FAMILY;
      if (t.width === null || t.size !== size) { t.width = ctx.measureText(t.name).width; t.size = size; }
      var h = size / 2 + 2, gap = r + 3, dot = [x - r - 1, y - r - 1, x + r + 1, y + r + 1];
      if (collides(taken, dot)) return;
      // right of the dot, else left, above or below
      var spots = [[x + gap, y, 'left'], [x - gap, y, 'right'], [x, y - h - r, 'center'], [x, y + h + r, 'center']];
      for (var k = 0; k < spots.length; k++) {
        var sx = spots[k][0], sy = spots[k][1], align = spots[k][2];
        var left = align === 'left' ? sx : align === 'right' ? sx - t.width : sx - t.width / 2;
        var box = [left - 2, sy - h, left + t.width + 2, sy + h];
        if (!inView(box) || collides(taken, box)) continue;
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fillStyle = BASE_STYLE.townDot;
        ctx.lineWidth = big ? 1.5 : 1;
        ctx.strokeStyle = '#fff';
        ctx.stroke();
        ctx.fill();
        ctx.textAlign = align;
        ctx.lineWidth = 3;
        ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.strokeText(t.name, sx, sy);
        ctx.fillStyle = BASE_STYLE.town;
        ctx.fillText(t.name, sx, sy);
        taken.push(box, dot);
        view.labels.push({name: t.name, box: box});
        view.names.push({name: t.name, kind: 'town', box: box});
        towns++;
        return;
      }
    });
    view.drawn.towns = towns;
    view.drawn['road-numbers'] = this._drawShields(ctx, view, taken);
    view.drawn['country-names'] = this._drawCountryNames(ctx, view, taken);
    var provinces = 0;
    if (z >= 8 && z <= 10) {
      ctx.font = '600 10.5px ' + FONT_FAMILY;
      ctx.textAlign = 'center';
      spaced(ctx, '1.5px');
      (this._provinceNames || []).forEach(function (p) {
        if (p.width === null) p.width = ctx.measureText(p.name).width;
        var x = p.x * s - ox, y = p.y * s - oy, box = [x - p.width / 2 - 2, y - 7, x + p.width / 2 + 2, y + 7];
        if (!inView(box) || collides(taken, box)) return;
        haloText(ctx, p.name, x, y, BASE_STYLE.provinceName, 2.5);
        taken.push(box);
        view.names.push({name: p.name, kind: 'province', box: box});
        provinces++;
      });
      spaced(ctx, '0px');
    }
    view.drawn['province-names'] = provinces;
    view.drawn['water-names'] = this._drawWaterNames(ctx, view, taken, inView);
  },

  _drawShields: function (ctx, view, taken) {
    var placed = [], count = 0;
    ctx.font = '700 10px ' + FONT_FAMILY;
    ctx.textAlign = 'center';
    (view.shields || []).sort(function (p, q) { return p.cls - q.cls; }).forEach(function (sh) {
      if (count >= 40) return;
      for (var k = 0; k < placed.length; k++) {
        var o = placed[k];
        if (o.ref === sh.ref && Math.abs(o.x - sh.x) + Math.abs(o.y - sh.y) < SHIELD_SPACING * 0.8) return;
      }
      var w = ctx.measureText(sh.ref).width + 8, box = [sh.x - w / 2, sh.y - 7.5, sh.x + w / 2, sh.y + 7.5];
      if (!view.inView(box) || collides(taken, box)) return;
      var major = sh.cls <= 1;
      ctx.beginPath();
      roundRect(ctx, box[0] + 0.5, box[1] + 0.5, w - 1, 14, 3);
      ctx.fillStyle = major ? '#fbe7c6' : '#ffffff';
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = major ? '#a97b45' : '#9b958a';
      ctx.stroke();
      ctx.fillStyle = major ? '#5a3d1c' : '#444';
      ctx.fillText(sh.ref, sh.x, sh.y + 0.5);
      taken.push(box);
      placed.push(sh);
      view.refs.push({name: sh.ref, box: box});
      view.names.push({name: sh.ref, kind: 'road-number', box: box});
      count++;
    });
    return count;
  },

  // A country's name where most of its visible land is: at the sample point of a grid over the
  // view that lies inside it and nearest to its inside points' middle.
  _drawCountryNames: function (ctx, view, taken) {
    var box = view.box, z = view.zoom, count = 0, s = view.scale, ox = view.ox, oy = view.oy;
    var size = z <= 5 ? 12 : z <= 8 ? 15 : z <= 10 ? 16 : 13, cols = 16, rows = 10;
    ctx.font = '700 ' + size + 'px ' + FONT_FAMILY;
    ctx.textAlign = 'center';
    spaced(ctx, (size / 5).toFixed(1) + 'px');
    var found = [];
    this._countries.forEach(function (c) {
      if (!c.name || !meets(c.box, box)) return;
      var inside = [], sx = 0, sy = 0;
      for (var i = 0; i < cols; i++) {
        for (var j = 0; j < rows; j++) {
          var x = box[0] + (box[2] - box[0]) * (i + 0.5) / cols, y = box[1] + (box[3] - box[1]) * (j + 0.5) / rows;
          if (x < c.box[0] || x > c.box[2] || y < c.box[1] || y > c.box[3] || !insideRings(countryRings(c), x, y)) continue;
          inside.push([x, y]); sx += x; sy += y;
        }
      }
      if (inside.length >= 3) found.push({c: c, inside: inside, mx: sx / inside.length, my: sy / inside.length});
    });
    // close in, a name says which side of a border is which: only where two countries meet,
    // and beside the border rather than over the places of the story
    var close = z >= 11;
    if (close && found.length < 2) found = [];
    found.forEach(function (f) {
      var c = f.c, inside = f.inside, mx = f.mx, my = f.my;
      var others = close ? found.filter(function (o) { return o !== f; }) : [];
      var rank = function (p) {
        if (!close) return (p[0] - mx) * (p[0] - mx) + (p[1] - my) * (p[1] - my);
        var best = Infinity;
        others.forEach(function (o) {
          o.inside.forEach(function (q) { best = Math.min(best, (p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1])); });
        });
        return best;
      };
      inside.sort(function (p, q) { return rank(p) - rank(q); });
      var w = ctx.measureText(c.name).width;
      for (var k = 0; k < Math.min(inside.length, 16); k++) {
        var px = inside[k][0] * s - ox, py = inside[k][1] * s - oy;
        var lb = [px - w / 2 - 3, py - size / 2 - 2, px + w / 2 + 3, py + size / 2 + 2];
        if (!view.inView(lb) || collides(taken, lb)) continue;
        haloText(ctx, c.name, px, py, BASE_STYLE.countryName, 3);
        taken.push(lb);
        view.names.push({name: c.name, kind: 'country', box: lb});
        count++;
        return;
      }
    });
    spaced(ctx, '0px');
    return count;
  },

  _drawWaterNames: function (ctx, view, taken, inView) {
    var count = 0, s = view.scale, ox = view.ox, oy = view.oy;
    ctx.font = 'italic 11px ' + FONT_FAMILY;
    ctx.textAlign = 'center';
    var place = function (name, x, y) {
      var w = ctx.measureText(name).width, box = [x - w / 2 - 2, y - 7, x + w / 2 + 2, y + 7];
      if (!inView(box) || collides(taken, box)) return false;
      haloText(ctx, name, x, y, BASE_STYLE.riverName, 2.5);
      taken.push(box);
      view.names.push({name: name, kind: 'water', box: box});
      count++;
      return true;
    };
    (view.lakeNames || []).forEach(function (l) {
      place(l.name, (l.box[0] + l.box[2]) / 2 * s - ox, (l.box[1] + l.box[3]) / 2 * s - oy);
    });
    Object.keys(view.riverNames || {}).sort().forEach(function (name) {
      // the river's points in view, tried from the middle outwards
      var points = [];
      view.riverNames[name].forEach(function (f) {
        f.parts.forEach(function (p) {
          for (var k = 0; k < p.xy.length; k += 2) {
            var x = p.xy[k] * s - ox, y = p.xy[k + 1] * s - oy;
            if (x > view.bounds.min.x + 40 && x < view.bounds.max.x - 40 && y > view.bounds.min.y + 20 && y < view.bounds.max.y - 20) points.push([x, y]);
          }
        });
      });
      var mid = points.length >> 1;
      for (var d = 0; d < points.length && d < 60; d++) {
        var p = points[mid + (d % 2 ? -((d + 1) >> 1) : d >> 1)];
        if (p && place(name, p[0], p[1] - 9)) return;
      }
    });
    return count;
  }
});

// A country's outline rings ({xy, box} in world units), decoded at first use.
function countryRings(c) {
  if (!c.rings) c.rings = c.lines.map(function (text) { return decodeLine(text, c.scale); });
  return c.rings;
}

// A data: address of an image -> a Promise of an ImageBitmap.
function imageFromDataUri(uri) {
  var comma = uri.indexOf(','), type = uri.slice(5, uri.indexOf(';')), text = atob(uri.slice(comma + 1));
  var bytes = new Uint8Array(text.length);
  for (var k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
  return createImageBitmap(new Blob([bytes], {type: type}));
}

function townPopulationAt(zoom) {
  for (var k = 0; k < TOWN_ZOOM.length; k++) if (zoom < TOWN_ZOOM[k][1]) return k ? TOWN_ZOOM[k - 1][0] : Infinity;
  return 0;
}

function collides(boxes, box) {
  for (var j = 0; j < boxes.length; j++) {
    var b = boxes[j].box || boxes[j];
    if (box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]) return true;
  }
  return false;
}

function haloText(ctx, text, x, y, colour, halo) {
  ctx.lineWidth = halo;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
}

function spaced(ctx, spacing) { if ('letterSpacing' in ctx) ctx.letterSpacing = spacing; }

function roundRect(ctx, x, y, w, h, r) {
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function meets(a, b) { return !(a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1]); }
function contains(outer, inner) {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}
function unionBox(items) {
  var box = [Infinity, Infinity, -Infinity, -Infinity];
  items.forEach(function (r) {
    var b = r.box;
    if (b[0] < box[0]) box[0] = b[0]; if (b[1] < box[1]) box[1] = b[1];
    if (b[2] > box[2]) box[2] = b[2]; if (b[3] > box[3]) box[3] = b[3];
  });
  return box;
}

// The basemap switcher: a labelled choice between the offline map and the online layers.
var BasemapControl = L.Control.extend({
  options: {position: 'topleft'},
  initialize: function (app, choices, current) { this._app = app; this._choices = choices; this._current = current; },
  onAdd: function () {
    var app = this._app, box = el('div', 'mapgen-basemaps leaflet-bar');
    var label = el('label', 'mapgen-basemaps-label', 'Basemap');
    label.setAttribute('for', 'mapgen-basemap');
    var select = el('select', 'mapgen-basemap');
    select.id = 'mapgen-basemap';
    select.setAttribute('aria-label', 'Basemap');
    this._choices.forEach(function (c) {
      var option = el('option', null, c.label);
      option.value = c.key;
      if (c.key === this._current) option.selected = true;
      select.appendChild(option);
    }, this);
    select.addEventListener('change', function () { app.setBasemap(select.value); });
    box.appendChild(label);
    box.appendChild(select);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    this.select = select;
    return box;
  }
});

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
