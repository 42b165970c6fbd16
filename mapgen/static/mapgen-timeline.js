/* mapgen time layer: incidents and control zones on one clock, a date slider, a legend.
 *
 * Incidents arrive as columns (one array per field, sorted by start time) and are drawn on one
 * canvas without a Leaflet object per incident. A slider step finds the visible range with a
 * binary search over the sorted start times. Zones are GeoJSON layers switched by validity.
 *
 * Page API (used by tests and embedding pages):
 *   mapgen.setDate(iso)  -> moves the clock to that day (YYYY-MM-DD) in the map's time zone
 *   mapgen.state()       -> {date, index, incidents: [ids drawn], zones: [zone ids shown], ready}
 *   mapgen.openIncident(id), mapgen.days()
 *   mapgen.describe(n)  -> counts by type, zones by faction, the n latest incidents (plain text)
 * Every change of date or selection also fires a `mapgen:change` event on `document` whose
 * `detail` is mapgen.state() without the id lists (other scripts, e.g. permalinks, listen to it).
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

  /* ------------------------------------------------------------------ incidents on canvas */

  var PointLayer = L.Layer.extend({
    initialize: function (clock) { this._clock = clock; this._drawn = []; },

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
      var visible = clock.visible, n = visible.length, o = this._origin();
      var radius = n > 20000 ? 2 : n > 2000 ? 3.5 : 6;
      var drawn = [];
      var byType = clock.types.map(function () { return {solid: [], ring: []}; });
      for (var k = 0; k < n; k++) {
        var i = visible[k];
        var x = inc.wx[i] * o.scale - o.ox, y = inc.wy[i] * o.scale - o.oy;
        if (x < -radius || y < -radius || x > size.x + radius || y > size.y + radius) continue;
        drawn.push(i);
        var approx = inc.tp[i] >= 2 || inc.gp[i] >= 1;
        var bucket = byType[inc.ty[i]];
        (approx ? bucket.ring : bucket.solid).push(x, y, clock.alpha(i));
      }
      for (var t = 0; t < byType.length; t++) {
        var colour = clock.types[t].color;
        this._paint(ctx, byType[t].solid, colour, radius, false);
        this._paint(ctx, byType[t].ring, colour, radius, true);
      }
      if (clock.selected !== null && clock.isVisible(clock.selected)) {
        var s = clock.selected;
        ctx.globalAlpha = 1;
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#111';
        ctx.beginPath();
        ctx.arc(inc.wx[s] * o.scale - o.ox, inc.wy[s] * o.scale - o.oy, radius + 4, 0, 2 * Math.PI);
        ctx.stroke();
      }
      this._drawn = drawn;
      this._radius = radius;
    },

    _paint: function (ctx, flat, colour, radius, ring) {
      if (!flat.length) return;
      // group by alpha so that each group is one path and one fill
      var groups = {};
      for (var j = 0; j < flat.length; j += 3) {
        var a = flat[j + 2];
        (groups[a] || (groups[a] = [])).push(flat[j], flat[j + 1]);
      }
      Object.keys(groups).forEach(function (alpha) {
        var pts = groups[alpha];
        ctx.globalAlpha = Number(alpha);
        ctx.beginPath();
        for (var q = 0; q < pts.length; q += 2) {
          ctx.moveTo(pts[q] + radius, pts[q + 1]);
          ctx.arc(pts[q], pts[q + 1], radius, 0, 2 * Math.PI);
        }
        if (ring) {
          ctx.lineWidth = 2.5;
          ctx.strokeStyle = colour;
          ctx.setLineDash([3, 2]);
          ctx.stroke();
          ctx.setLineDash([]);
        } else {
          ctx.fillStyle = colour;
          ctx.fill();
          if (radius >= 3.5) {
            ctx.lineWidth = 1;
            ctx.strokeStyle = '#ffffff';
            ctx.stroke();
          }
        }
      });
      ctx.globalAlpha = 1;
    },

    hit: function (containerPoint) {
      var inc = this._clock.inc, o = this._origin(), best = null;
      var bestDist = Math.pow((this._radius || 6) + 4, 2);
      for (var k = this._drawn.length - 1; k >= 0; k--) {
        var i = this._drawn[k];
        var dx = inc.wx[i] * o.scale - o.ox - containerPoint.x;
        var dy = inc.wy[i] * o.scale - o.oy - containerPoint.y;
        var d = dx * dx + dy * dy;
        if (d <= bestDist) { best = i; bestDist = d; }
      }
      return best;
    },

    drawnIds: function () {
      var inc = this._clock.inc;
      return this._drawn.map(function (i) { return inc.id[i]; });
    }
  });

  /* ------------------------------------------------------------------ the clock */

  function Clock(map, data) {
    this.map = map;
    this.data = data;
    this.days = data.days;
    this.types = data.types;
    this.factions = data.factions;
    this.mode = data.mode;
    this.windowMinutes = data.windowDays * 1440;
    this.inc = this._decode(data.inc);
    this.selected = null;
    this.visible = [];
    this.zonesShown = [];
    this.index = this.days.iso.length - 1;
    this.ready = false;
  }

  Clock.prototype._decode = function (cols) {
    var n = cols.id.length, wx = new Float64Array(n), wy = new Float64Array(n);
    for (var i = 0; i < n; i++) {  // Web Mercator at zoom 0, in units of 256 px
      var lat = Math.max(Math.min(cols.lat[i], 85.0511), -85.0511) * Math.PI / 180;
      wx[i] = (cols.lon[i] + 180) / 360;
      wy[i] = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2;
    }
    var out = {};
    Object.keys(cols).forEach(function (k) { out[k] = cols[k]; });
    out.wx = wx; out.wy = wy; out.n = n;
    out.byId = {};
    for (var j = 0; j < n; j++) out.byId[cols.id[j]] = j;
    return out;
  };

  // The clock's instant for day index d: the end of that day (state "as of" that date).
  Clock.prototype.instant = function (d) { return this.days.start[d + 1]; };

  Clock.prototype.isVisible = function (i) {
    var t = this.instant(this.index), inc = this.inc;
    if (inc.s[i] >= t) return false;
    return this.mode !== 'window' || inc.e[i] > t - this.windowMinutes;
  };

  Clock.prototype.alpha = function (i) {
    if (this.mode !== 'window') return 0.9;
    var age = (this.instant(this.index) - Math.max(this.inc.e[i], this.inc.s[i])) / this.windowMinutes;
    return age <= 0.25 ? 0.95 : age <= 0.5 ? 0.7 : age <= 0.75 ? 0.45 : 0.25;
  };

  Clock.prototype.compute = function () {
    var t = this.instant(this.index), inc = this.inc;
    var end = upperBound(inc.s, t), visible = [];
    if (this.mode === 'window') {
      var from = t - this.windowMinutes;
      for (var i = 0; i < end; i++) if (inc.e[i] > from || inc.s[i] >= from) visible.push(i);
    } else {
      for (var j = 0; j < end; j++) visible.push(j);
    }
    this.visible = visible;
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
    var type = data.types[inc.ty[i]];
    var head = el('div', 'mapgen-popup-type', type.label);
    head.style.borderLeftColor = type.color;
    box.appendChild(head);
    box.appendChild(el('h3', 'mapgen-popup-title', inc.title[i] || type.label));
    var facts = el('dl', 'mapgen-facts');
    function fact(name, value) {
      if (value === '' || value === null || value === undefined) return;
      facts.appendChild(el('dt', null, name));
      facts.appendChild(el('dd', null, value));
    }
    fact('When', whenLabel(data, inc, i));
    var gp = GEO_PRECISIONS[inc.gp[i]];
    var where = inc.place[i] || (inc.lat[i].toFixed(4) + ', ' + inc.lon[i].toFixed(4));
    fact('Where', gp === 'exact' ? where : where + ' (' + (gp === 'near' ? 'near; approximate' : 'region; approximate') + ')');
    fact('Actors', (inc.actors[i] || []).join(', '));
    if (inc.fat[i] !== null && inc.fat[i] !== undefined) fact('Fatalities', inc.fat[i]);
    box.appendChild(facts);
    if (inc.desc[i]) box.appendChild(el('p', 'mapgen-popup-desc', inc.desc[i]));
    if ((inc.src[i] || []).length) {
      box.appendChild(el('div', 'mapgen-popup-label', 'Sources'));
      box.appendChild(sourceList(inc.src[i]));
    }
    box.setAttribute('data-incident', inc.id[i]);
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
      }
      box.appendChild(legend);
      if (data.updated) box.appendChild(el('p', 'mapgen-updated', 'Data up to ' + data.updated));
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    }
  });

  /* ------------------------------------------------------------------ the app */

  function App(map, data) {
    var app = this;
    this.map = map;
    this.data = data;
    this.clock = new Clock(map, data);
    ['mapgenBase', 'mapgenZones', 'mapgenPoints'].forEach(function (name, k) {
      var pane = map.createPane(name);
      pane.style.zIndex = [150, 350, 450][k];
    });
    map.getPane('mapgenBase').style.pointerEvents = 'none';
    this._basemap(data.basemap);
    this._zones(data.zones);
    this.points = new PointLayer(this.clock).addTo(map);
    this.slider = new SliderControl(this).addTo(map);
    new InfoControl(data).addTo(map);
    if (map.attributionControl) {
      map.attributionControl.setPrefix(false);
      var credit = el('span', 'mapgen-credit', data.credit);
      map.attributionControl.getContainer().appendChild(credit);
    }
    map.on('click', function (e) {
      var i = app.points.hit(e.containerPoint);
      if (i !== null) app.openIndex(i, e.latlng);
    });
    map.on('popupclose', function () {
      if (app.clock.selected !== null) {
        app.clock.selected = null;
        app.points.redraw();
        app.emit('select');
      }
    });
    if (data.bounds) map.fitBounds(data.bounds, {padding: [20, 20], maxZoom: 11});
    this.go(this.clock.index);
  }

  App.prototype._basemap = function (basemap) {
    if (!basemap) return;
    var renderer = L.canvas({pane: 'mapgenBase'});
    L.geoJSON(basemap.countries, {
      pane: 'mapgenBase', renderer: renderer, interactive: false,
      style: {color: '#9a968c', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1}
    }).addTo(this.map);
    var labels = L.layerGroup().addTo(this.map);
    // Web tiles are an opt-in layer: nothing is requested unless a reader switches them on.
    var tiles = L.tileLayer(this.data.tiles.url, {attribution: this.data.tiles.attribution, maxZoom: 18});
    L.control.layers(null, {'Web map tiles (online)': tiles}, {position: 'topleft', collapsed: true})
      .addTo(this.map);
    (basemap.places || []).forEach(function (p) {
      L.circleMarker([p[1], p[2]], {
        pane: 'mapgenBase', renderer: renderer, radius: 2, weight: 0, fillColor: '#555',
        fillOpacity: 0.8, interactive: false
      }).addTo(labels);
      var label = L.tooltip({permanent: true, direction: 'right', className: 'mapgen-place-label',
                             offset: [3, 0], interactive: false})
        .setLatLng([p[1], p[2]]).setContent(el('span', null, p[0]));
      labels.addLayer(label);
    });
  };

  App.prototype._zones = function (zones) {
    var app = this, data = this.data;
    this.zoneLayers = zones.map(function (zone) {
      var faction = data.factions[zone.f];
      var layer = L.geoJSON(zone.geom, {
        pane: 'mapgenZones',
        style: {
          color: faction.color, weight: zone.status === 'assessed' ? 1.5 : 2,
          dashArray: zone.status === 'assessed' ? null : '6 4',
          fillColor: faction.color, fillOpacity: zone.status === 'contested' ? 0.15 : 0.28
        }
      });
      layer.on('click', function (e) {
        var hit = app.points.hit(e.containerPoint);
        if (hit !== null) { app.openIndex(hit, e.latlng); return; }
        L.popup({maxWidth: 320}).setLatLng(e.latlng).setContent(zonePopup(data, zone)).openOn(app.map);
      });
      return {zone: zone, layer: layer, on: false};
    });
  };

  App.prototype.go = function (index) {
    var clock = this.clock, last = clock.days.iso.length - 1;
    index = Math.max(0, Math.min(last, Math.round(index)));
    clock.index = index;
    clock.ready = false;
    clock.compute();
    var t = clock.instant(index), shown = [];
    this.zoneLayers.forEach(function (z) {
      var on = z.zone.from < t && (z.zone.to === null || z.zone.to >= t);
      if (on !== z.on) {
        if (on) z.layer.addTo(this.map); else this.map.removeLayer(z.layer);
        z.on = on;
      }
      if (on) shown.push(z.zone.id);
    }, this);
    clock.zonesShown = shown;
    var label = clock.days.label[index];
    this.slider.update(index, label, label + ': ' + clock.visible.length + ' incidents');
    this._scheduleDraw();
    this.emit('date');
  };

  App.prototype.emit = function (reason) {
    var clock = this.clock;
    var detail = {reason: reason, date: clock.days.iso[clock.index], index: clock.index,
                  selected: clock.selected === null ? null : clock.inc.id[clock.selected],
                  count: clock.visible.length};
    document.dispatchEvent(new CustomEvent('mapgen:change', {detail: detail}));
  };

  App.prototype._scheduleDraw = function () {
    var app = this;
    if (this._frame) cancelAnimationFrame(this._frame);
    this._frame = requestAnimationFrame(function () {
      app._frame = null;
      app.points.redraw();
      app.clock.ready = true;
    });
  };

  App.prototype.togglePlay = function () {
    var app = this, button = this.slider.play;
    if (this._timer) {
      clearInterval(this._timer);
      this._timer = null;
      button.textContent = '▶';
      button.setAttribute('aria-label', 'Play');
      return;
    }
    if (this.clock.index >= this.clock.days.iso.length - 1) this.go(0);
    button.textContent = '❚❚';
    button.setAttribute('aria-label', 'Pause');
    this._timer = setInterval(function () {
      if (app.clock.index >= app.clock.days.iso.length - 1) { app.togglePlay(); return; }
      app.go(app.clock.index + 1);
    }, this.data.playMs || 700);
  };

  App.prototype.openIndex = function (i, latlng) {
    var inc = this.clock.inc;
    this.clock.selected = i;
    this.points.redraw();
    L.popup({maxWidth: 340, autoPanPadding: [20, 20]})
      .setLatLng(latlng || [inc.lat[i], inc.lon[i]])
      .setContent(incidentPopup(this.data, inc, i))
      .openOn(this.map);
    this.clock.selected = i;
    this.emit('select');
  };

  App.prototype.state = function () {
    var clock = this.clock;
    var ids = clock.visible.map(function (i) { return clock.inc.id[i]; });
    return {
      date: clock.days.iso[clock.index],
      index: clock.index,
      incidents: ids,
      drawn: this.points.drawnIds(),
      zones: clock.zonesShown.slice(),
      selected: clock.selected === null ? null : clock.inc.id[clock.selected],
      ready: clock.ready
    };
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
    mapgen.state = function () { return app.state(); };
    mapgen.days = function () { return app.clock.days.iso.slice(); };
    mapgen.openIncident = function (id) {
      var i = app.clock.inc.byId[id];
      if (i === undefined) throw new Error('no such incident: ' + id);
      app.openIndex(i);
    };
    mapgen.describe = function (latest) { return app.describe(latest); };
    return app;
  };
})();
