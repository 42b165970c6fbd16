/* What readers expect of a map: incidents elsewhere counted, hover tooltips, a reset button, popups clear of controls. */

var ELSEWHERE_DELAY = 120;   // ms after a drawing before the off-screen count is redone
var ELSEWHERE_PLACES = 4;    // places named in the off-screen line

// "11 more elsewhere: London 4, Moscow 2, …": the incidents shown at the current date that lie
// outside the view, counted by place; each place is a button that flies there. On small screens
// the line sits under the legend and folds its places behind the count.
var SMALL_SCREEN = window.matchMedia ? window.matchMedia('(max-width: 600px), (max-height: 480px)') : null;

var ElsewhereControl = L.Control.extend({
  initialize: function (app) {
    this._app = app;
    this._small = !!(SMALL_SCREEN && SMALL_SCREEN.matches);
    this.options = {position: this._small ? 'topright' : 'bottomright'};
    this._open = !this._small;
  },
  onAdd: function () {
    var box = el('div', 'mapgen-elsewhere' + (this._small ? ' mapgen-elsewhere-small' : ''));
    box.hidden = true;
    var app = this._app, self = this;
    box.addEventListener('click', function (e) {
      var target = e.target.closest ? e.target : null;
      if (target && target.closest('.mapgen-elsewhere-head') && self._small) {
        self._open = !self._open;
        self.show(app.elsewhere);
        return;
      }
      var button = target ? target.closest('button[data-place]') : null;
      if (!button) return;
      var k = Number(button.getAttribute('data-place')), group = app.elsewhere.places[k];
      if (group) flyTo(app.map, group.latlng, app.map.getZoom());
    });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    this.box = box;
    return box;
  },
  show: function (summary) {
    var box = this.box;
    while (box.firstChild) box.removeChild(box.firstChild);
    box.hidden = !summary.count;
    if (!summary.count) return;
    var text = summary.count + ' more elsewhere' + (this._open ? ': ' : '');
    var head = this._small ? el('button', 'mapgen-elsewhere-head', text) : el('span', 'mapgen-elsewhere-head', text);
    if (this._small) {
      head.type = 'button';
      head.setAttribute('aria-expanded', this._open ? 'true' : 'false');
    }
    box.appendChild(head);
    if (!this._open) return;
    summary.places.slice(0, ELSEWHERE_PLACES).forEach(function (p, k) {
      if (k) box.appendChild(document.createTextNode(', '));
      var button = el('button', 'mapgen-elsewhere-place', p.name + ' ' + p.count);
      button.type = 'button';
      button.setAttribute('data-place', k);
      button.setAttribute('aria-label', p.count + ' incident' + (p.count === 1 ? '' : 's') + ' at ' + p.name + ': show');
      box.appendChild(button);
    });
    if (summary.places.length > ELSEWHERE_PLACES) box.appendChild(document.createTextNode(', …'));
  }
});

// The off-screen incidents (PointLayer's _off) by place, most first: {count, places: [{name,
// count, latlng}]}. One pass over them; places without a name are grouped by position.
App.prototype.offscreen = function () {
  var points = this.points, inc = this.clock.inc, n = points._offCount, off = points._off;
  var byPlace = new Map(), k, i, key, group;
  for (k = 0; k < n; k++) {
    i = off[k];
    key = inc.pl ? inc.pl[i] : 0;
    group = byPlace.get(key);
    if (!group) byPlace.set(key, group = {key: key, count: 0, i: i});
    group.count++;
  }
  var places = [];
  byPlace.forEach(function (g) {
    var name = inc.place(g.i) || (inc.lat(g.i).toFixed(2) + ', ' + inc.lon(g.i).toFixed(2));
    places.push({name: name, count: g.count, latlng: [inc.lat(g.i), inc.lon(g.i)]});
  });
  places.sort(function (a, b) { return b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
  return {count: n, places: places};
};

// Labels of incident places appear from the place's first incident on: the first start time
// of an incident at each place name (one pass at first use; the incidents are sorted by start).
// A layer that labels places asks placeShown(name) when it draws; names without an incident
// are always shown.
App.prototype.placeStarts = function () {
  if (!this._placeStarts && this.loaded) {
    var inc = this.clock.inc, names = inc.texts.place, seen = new Uint8Array(names ? names.length : 0), out = new Map();
    for (var i = 0; i < inc.n; i++) {
      var k = inc.pl[i];
      if (seen[k]) continue;
      seen[k] = 1;
      var name = names.get(k);
      if (name && !out.has(name)) out.set(name, inc.s[i]);
    }
    this._placeStarts = out;
  }
  return this._placeStarts || new Map();
};
App.prototype.placeShown = function (name) {
  var start = this.placeStarts().get(name);
  return start === undefined || start < this.clock.instant(this.clock.index);
};
// How many incident places are named at the current date (their first starts, sorted, counted
// by binary search): the basemap redraws its names only when this changes, never on every step.
App.prototype.placesShownCount = function () {
  if (!this._placeStartList) {
    var starts = [];
    this.placeStarts().forEach(function (start) { starts.push(start); });
    if (!this.loaded) return -1;
    this._placeStartList = Float64Array.from(starts).sort();
  }
  return upperBound(this._placeStartList, this.clock.instant(this.clock.index));
};

// Popups keep clear of the controls: the padding Leaflet pans them into (and the height they
// may take) comes from the controls' boxes. On small screens every control counts; on large
// ones only those that span a third of the map's width (the slider), so that the legend in a
// corner does not push every popup down.
App.prototype.popupOptions = function (options) {
  var root = this.map.getContainer(), box = root.getBoundingClientRect();
  var small = box.width <= 600 || box.height <= 480, top = 10, bottom = 10;
  var controls = root.querySelectorAll('.leaflet-control');
  for (var k = 0; k < controls.length; k++) {
    var r = controls[k].getBoundingClientRect();
    if (!r.width || !r.height || (!small && r.width < box.width / 3)) continue;
    if (r.top - box.top < box.height / 2) top = Math.max(top, r.bottom - box.top + 8);
    else bottom = Math.max(bottom, box.bottom - r.top + 8);
  }
  top = Math.min(top, box.height * 0.45);
  bottom = Math.min(bottom, box.height * 0.45);
  return L.extend({autoPanPaddingTopLeft: [12, top], autoPanPaddingBottomRight: [12, bottom],
                   maxHeight: Math.max(120, box.height - top - bottom - 40)}, options);
};

var ResetControl = L.Control.extend({
  options: {position: 'topleft'},
  initialize: function (app) { this._app = app; },
  onAdd: function () {
    var app = this._app, box = el('div', 'leaflet-bar mapgen-reset');
    var button = el('button', 'mapgen-btn mapgen-reset-view', '⤢');
    button.type = 'button';
    button.title = 'Reset view';
    button.setAttribute('aria-label', 'Reset view');
    button.addEventListener('click', function () {
      var home = app.homeView;
      app.map.setView(home.center, home.zoom, {animate: !reducedMotion()});
    });
    box.appendChild(button);
    L.DomEvent.disableClickPropagation(box);
    return box;
  }
});

// A pointer and a short tooltip (title or type, and date) over an incident.
function hoverTips(app) {
  var map = app.map, root = map.getContainer(), tip = el('div', 'mapgen-tooltip'), frame = null, last = null;
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  root.appendChild(tip);
  function hide() { tip.hidden = true; root.style.cursor = ''; }
  function show() {
    frame = null;
    if (!last || !app.loaded) return;
    var point = last, i = app.points.hit(point);
    if (i === null) return hide();
    root.style.cursor = 'pointer';
    var inc = app.clock.inc;
    if (app.points.aggregated) {
      tip.textContent = 'Many incidents here: click to zoom in';
    } else {
      var type = app.data.types[inc.ty[i]], here = app.points.hitAll(point).length;
      tip.textContent = (inc.title(i) || type.label) + ' · ' + app.clock.days.label[dayIndexOf(app.clock.days, inc.s[i])] +
        (here > 1 ? ' (+' + (here - 1) + ' more)' : '');
    }
    tip.hidden = false;
    var size = map.getSize(), w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(point.x + 14, size.x - w - 4)) + 'px';
    tip.style.top = Math.max(4, Math.min(point.y - h - 10, size.y - h - 4)) + 'px';
  }
  // the container's own events (Leaflet's map events skip some moves, e.g. over its canvases)
  root.addEventListener('mousemove', function (e) {
    if (e.target.closest && e.target.closest('.leaflet-control, .leaflet-popup')) { last = null; hide(); return; }
    last = map.mouseEventToContainerPoint(e);
    if (!frame) frame = requestAnimationFrame(show);
  });
  root.addEventListener('mouseleave', function () { last = null; hide(); });
  map.on('movestart zoomstart popupopen', function () { last = null; hide(); });
}

// A popup taller than the room left by the controls scrolls (maxHeight): its content then takes
// the keyboard focus, so that it can be scrolled without a mouse.
function scrollablePopups(map) {
  map.on('popupopen', function (e) {
    var content = e.popup.getElement() && e.popup.getElement().querySelector('.leaflet-popup-content');
    if (content && content.scrollHeight > content.clientHeight + 1) {
      content.setAttribute('tabindex', '0');
      content.setAttribute('role', 'region');
      content.setAttribute('aria-label', 'Details (scrolls)');
    }
  });
}

APP_PARTS.push({
  init: function (app) {
    scrollablePopups(app.map);
    app.homeView = {center: app.map.getCenter(), zoom: app.map.getZoom()};
    new ResetControl(app).addTo(app.map);
    app.elsewhereControl = new ElsewhereControl(app).addTo(app.map);
    app.elsewhere = {count: 0, places: []};
    hoverTips(app);
  },
  drawn: function (app) {
    if (!app.loaded) return;
    // a place is named from its first incident on: redraw the names when that set changes
    var named = app.placesShownCount();
    if (app.basemap && named !== app._placesNamed) {
      // names are drawn with the basemap's detail (after the first picture), from the data
      if (app.basemap.detail) app.basemap.redraw();
      app._placesNamed = named;
    }
    clearTimeout(app._elsewhereTimer);
    app._elsewhereTimer = setTimeout(function () {
      app.elsewhere = app.offscreen();
      app.elsewhereControl.show(app.elsewhere);
    }, ELSEWHERE_DELAY);
  },
  state: function (app, out) {
    out.offscreen = {count: app.points._offCount,
                     places: app.elsewhere.places.map(function (p) { return [p.name, p.count]; })};
  }
});
