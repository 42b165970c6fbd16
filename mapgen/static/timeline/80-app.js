/* The app: ties map, clock, layers and controls together; drawing, play, selection. */

function App(map, data) {
  var app = this;
  this.map = map;
  this.data = data;
  this.speed = 1;
  this.clock = new Clock(map, data);
  this._waiting = [];
  // The incidents are decoded once (asynchronously, begun before the map is built, done in the
  // promise jobs right after this script: 10-columns); until then state().ready stays false.
  var packed = data.inc;
  var decoded = decodeIncidents(packed);
  ['mapgenBase', 'mapgenZones', 'mapgenPoints'].forEach(function (name, k) {
    var pane = map.createPane(name);
    pane.style.zIndex = [150, 350, 450][k];
  });
  map.getPane('mapgenBase').style.pointerEvents = 'none';
  // the controls, then the view (clear of the slider), then the basemap and zones, projected
  // and drawn once, for it
  this.slider = new SliderControl(this).addTo(map);
  this.info = new InfoControl(data).addTo(map);
  if (data.bounds) map.fitBounds(data.bounds, this._openingPadding());
  this._basemap(data.basemap);
  this._zones(data.zones);
  this.points = new PointLayer(this.clock).addTo(map);
  var density = this.info.density;
  if (density) this.points.on('aggregate', function (e) { density.hidden = !e.on; });
  if (map.attributionControl) {
    var attribution = map.attributionControl, update = attribution._update;
    attribution.setPrefix(false);
    var credit = el('span', 'mapgen-credit', data.credit);
    // Leaflet rewrites the box whenever an attribution comes or goes (a basemap switch)
    attribution._update = function () {
      update.call(this);
      if (this._container) this._container.appendChild(credit);
    };
    attribution._update();
  }
  map.on('click', function (e) {
    if (app._click(e)) return;
    var zone = app._zoneAt(e.latlng);
    if (zone) L.popup(app.popupOptions({maxWidth: 320})).setLatLng(e.latlng).setContent(zonePopup(data, zone)).openOn(map);
  });
  map.on('popupclose', function () {
    if (app.clock.selected !== null) {
      app.clock.selected = null;
      app.points.redraw();
      app.emit('select');
    }
  });
  this.loaded = false;
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
        return lazyText(packed).then(function (b64) { return inflate(b64, true); }).then(function (buffer) {
          inc.attachText(packed.lazyTables, new TextDecoder().decode(buffer));
          app.emit('text');  // titles now available (e.g. for the screen-reader summary)
          return inc;
        });
      });
    }
    return text;
  };
  // what the first picture does not need, once it is on screen and the page has loaded
  // (afterPaint): the basemap's geography and relief, the parts' `painted` work (the slider's
  // histogram), the popup texts; textLoading resolves (with the incidents) when all are done
  this.painted = this.loading.then(function () { return app.whenReady(); }).then(afterPaint).then(function () {
    runParts('painted', app);
    return app.basemap ? app.basemap.showDetail() : null;
  });
  this.textLoading = this.painted.then(function () { return app._loadText(); });
  runParts('init', this);  // the parts that add to the app (APP_PARTS, 00-core)
  this.go(this.clock.index);
}

// Where the slider sits below the map instead of over it (small screens and frames: see
// placeSlider in mapgen-share.js, which moves it there once the app is built).
var SLIDER_BELOW = '(max-width: 600px), (max-height: 480px)';

// The opening view's padding: clear of the date slider where it lies over the map, so that the
// places along the lower edge of the bounds do not open under it.
App.prototype._openingPadding = function () {
  var cover = 0;  // how far the slider reaches up into the map
  if (!(window.matchMedia && window.matchMedia(SLIDER_BELOW).matches)) {
    var box = this.map.getContainer().getBoundingClientRect();
    var slider = this.slider.getContainer().getBoundingClientRect();
    cover = slider.height ? box.bottom - slider.top : 0;
    if (cover > box.height / 3) cover = 0;
  }
  return {paddingTopLeft: [20, 20], paddingBottomRight: [20, 20 + Math.max(cover, 0)], maxZoom: 11};
};

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
    button.appendChild(userText('span', 'mapgen-stack-title', inc.title(i) || type.label));
    button.appendChild(el('span', 'mapgen-stack-when', whenLabel(app.data, inc, i)));
    button.addEventListener('click', function () { app.openIndex(i, latlng); });
    item.appendChild(button);
    list.appendChild(item);
  });
  box.appendChild(list);
  L.popup(this.popupOptions({maxWidth: 340})).setLatLng(latlng).setContent(box).openOn(this.map);
};

App.prototype._basemap = function (basemap) {
  if (!basemap) return;
  var app = this, map = this.map;
  this.basemap = new BasemapLayer(basemap, {pane: 'mapgenBase'}).addTo(map);
  this.basemap.placeShown = function (name) { return app.placeShown(name); };
  this.basemapKey = 'offline';
  if (map.attributionControl) map.attributionControl.addAttribution(basemap.attribution);
  // Web tiles (streets, terrain, satellite) are requested only while shown: the page opens on
  // them only when map.yaml asks for it (basemap.choice), else when the reader switches.
  map.createPane('mapgenTiles').style.zIndex = 140;  // under the canvas with the place names
  this._tileLayers = {};
  var choices = [{key: 'offline', label: 'Offline'}];
  (basemap.online || []).forEach(function (t) {
    choices.push({key: t.key, label: t.label + ' (online)'});
    app._tileLayers[t.key] = L.tileLayer(t.url, {attribution: t.attribution, maxZoom: 18, maxNativeZoom: t.maxZoom,
                                                 pane: 'mapgenTiles'});
  });
  this.basemapControl = new BasemapControl(this, choices, 'offline').addTo(map);
  // the geography once the incidents are on screen (App: painted)
  if (basemap.choice && basemap.choice !== 'offline') this.setBasemap(basemap.choice);
};

// Shows the offline map ('offline') or one of the online layers ('streets', 'terrain',
// 'satellite'), with its attribution; over web tiles only the incidents' place names are drawn.
App.prototype.setBasemap = function (key) {
  var map = this.map, tiles = this._tileLayers, control = map.attributionControl;
  if (!this.basemap || (key !== 'offline' && !tiles[key])) throw new Error('no such basemap: ' + key);
  Object.keys(tiles).forEach(function (k) { if (k !== key && map.hasLayer(tiles[k])) map.removeLayer(tiles[k]); });
  var offline = this.data.basemap.attribution;
  if (key === 'offline' && this.basemapKey !== 'offline' && control) control.addAttribution(offline);
  if (key !== 'offline' && this.basemapKey === 'offline' && control) control.removeAttribution(offline);
  if (key !== 'offline') tiles[key].addTo(map);
  this.basemapKey = key;
  this.basemap.setOnline(key !== 'offline');
  this.basemapControl.select.value = key;
  this.emit('basemap');
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

// Every name the basemap draws now, of every kind (place, town, road-number, country, province,
// water), with its box in pixels of the map's container: [{name, kind, box}].
App.prototype.basemapLabels = function () {
  if (!this.basemap) return [];
  var at = this.map._getMapPanePos();
  return this.basemap.names.map(function (l) {
    return {name: l.name, kind: l.kind, box: [l.box[0] + at.x, l.box[1] + at.y, l.box[2] + at.x, l.box[3] + at.y]};
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
    if (z.on && insideRings(zoneRings(z, this.data.zoneScale), x, y)) return z.zone;
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
  runParts('date', this);
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
  runParts('drawn', this);
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

// Play: one step (a day, or a week, month or year on long ranges: see 55-timeline-bar) at a
// time, waiting for each step's drawing; 700 ms a step at speed 1.
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
    app.go(app.nextStep(app.clock.index, 1));
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
  L.popup(this.popupOptions({maxWidth: 340}))
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
    texts: clock.inc.hasText,  // titles, descriptions and links have arrived
    drawMs: this.drawMs || 0,  // how long the last drawing took (for measurements)
    // what the basemap shows now: which basemap, the layers drawn in the view, place names, road numbers
    basemap: this.basemap ? {name: this.basemapKey, layers: (this.basemapKey === 'offline' ? [] : [this.basemapKey])
      .concat(this.basemap.report.layers), labels: this.basemap.report.labels.slice(),
      refs: this.basemap.report.refs.slice()} : null
  };
  if (ids) {
    out.incidents = clock.visibleIds();
    out.drawn = this.points.drawnIds();
  }
  runParts('state', this, out, ids);
  if (options && options.alpha) {  // fading: each drawn incident's opacity
    out.alpha = {};
    for (var k = 0; k < this.points._drawnCount; k++) {
      var i = this.points._drawn[k];
      out.alpha[clock.inc.id(i)] = clock.alpha(i);
    }
  }
  return out;
};
