/* The day's news: what began in the slider's step stands out, ground taken that day, a "this day" list. */

// Incidents that began in the slider's step (its day, or its week, month or year on long ranges:
// 55-timeline-bar) are drawn larger, with a halo (20-incidents), and pulse once unless the
// reader asks for reduced motion; the older ones recede. A zone version that begins in the
// step shows the ground its faction took (shape.py: taken_ground) hatched, outlined and
// labelled "taken 4 Feb". The "this day" panel lists both; choosing an entry flies to it.

var MAX_PULSES = 30;       // pulsing rings per change of date (the newest on screen)
var PULSE_DELAY = 250;     // ms the slider rests on a date before its new incidents pulse
var MAX_LISTED = 60;       // entries of the "this day" list (then "and N more")
var REDUCED_MOTION = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;

function reducedMotion() { return !!(REDUCED_MOTION && REDUCED_MOTION.matches); }

// Fly to a place (jump when the reader asks for less motion), then call `then`.
function flyTo(map, latlng, zoom, then) {
  var target = map.project(latlng, zoom), size = map.getSize();
  var here = map.project(map.getCenter(), zoom);
  if (zoom === map.getZoom() && Math.abs(target.x - here.x) < size.x / 3 && Math.abs(target.y - here.y) < size.y / 3) {
    if (then) then();  // already in view
    return;
  }
  if (then) map.once('moveend', function () { setTimeout(then, 0); });
  if (reducedMotion()) map.setView(latlng, zoom, {animate: false});
  else map.flyTo(latlng, zoom, {duration: 0.8});
}

// [first, end) of the incidents (sorted by start) that began in the current step.
App.prototype.freshRange = function () {
  var clock = this.clock, inc = clock.inc;
  if (clock.freshFrom === null || clock.freshFrom === undefined) return [0, 0];
  return [upperBound(inc.s, clock.freshFrom), upperBound(inc.s, clock.instant(clock.index))];
};

// The zone versions shown that began in the current step and took ground.
App.prototype.takenZones = function () {
  var clock = this.clock, from = clock.freshFrom, to = clock.instant(clock.index);
  return this.zoneLayers.filter(function (z) { return z.on && z.zone.gain && z.zone.from >= from && z.zone.from < to; });
};

function takenLabel(app, zone) {
  var day = shortDay(app.clock.days.label[dayIndexOf(app.clock.days, zone.from)]);
  return (zone.status === 'contested' ? 'contested ' : 'taken ') + day;
}

// Drawn by the zone layer (70-zones) over the zones: each taken area hatched and outlined,
// with its label.
function drawTaken(ctx, app, scale, ox, oy) {
  var taken = app.takenZones();
  if (!taken.length) return;
  var factions = app.data.factions;
  taken.forEach(function (z) {
    if (!z.gainRings) z.gainRings = zoneRings({zone: {geom: z.zone.gain}}, app.data.zoneScale);
    var colour = factions[z.zone.f].color;
    ctx.beginPath();
    traceRings(ctx, z.gainRings, scale, ox, oy);
    ctx.globalAlpha = 0.55;
    ctx.fillStyle = hatch(ctx, colour, ox, oy);  // as contested ground (70-zones)
    ctx.fill('evenodd');
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.lineWidth = 4;
    ctx.strokeStyle = '#fff';
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour;
    ctx.stroke();
  });
  ctx.font = 'bold 12px "Helvetica Neue", Arial, Helvetica, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  // labels already drawn: one that would overlap is left out (the hatching stays); each takes the
  // first of a few spots around its area's point that covers no incident's circle
  var placed = [], avoid = labelObstacles(app, scale, ox, oy), pane = app.map._getMapPanePos();
  var view = visibleBox(app.map);
  taken.forEach(function (z) {
    z.labelBox = null;
    var p = worldRing([[z.zone.gainAt[1], z.zone.gainAt[0]]]).xy, text = takenLabel(app, z.zone);
    var half = ctx.measureText(text).width / 2 + 3;
    var spot = labelSpot(p[0] * scale - ox, p[1] * scale - oy, half, 9, placed, avoid, view);
    if (!spot) return;
    var x = spot[0], y = spot[1], box = [x - half, y - 9, x + half, y + 9];
    placed.push(box);
    z.labelBox = [box[0] + pane.x, box[1] + pane.y, box[2] + pane.x, box[3] + pane.y];  // container px
    ctx.lineWidth = 4;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.95)';
    ctx.strokeText(text, x, y);
    ctx.fillStyle = '#111';
    ctx.fillText(text, x, y);
  });
  ctx.textAlign = 'start';
}

// The visible part of the map in layer pixels (those the canvases draw in).
function visibleBox(map) {
  var pane = map._getMapPanePos(), size = map.getSize();
  return [-pane.x, -pane.y, -pane.x + size.x, -pane.y + size.y];
}

// Whether any of `boxes` (container pixels; null for a label not drawn) covers a place name the
// basemap now draws: only then do the layers above redraw their labels to move them off it.
function coversPlaceLabel(app, boxes) {
  var names = app.basemap && app.basemap.shownLabels;
  if (!names || !names.length) return false;
  var pane = app.map._getMapPanePos();
  return boxes.some(function (b) {
    return b && collides(names, [b[0] - pane.x, b[1] - pane.y, b[2] - pane.x, b[3] - pane.y]);
  });
}

// What a label drawn above the basemap keeps clear of, as boxes in the layer pixels the canvases
// draw in: the incident circles shown at the slider's date, with a margin for the day's larger
// circles (none when a density grid is drawn instead), and the place names the basemap draws.
function labelObstacles(app, scale, ox, oy) {
  var clock = app.clock, inc = clock.inc, boxes = [], r = 11;
  if (inc && inc.n && clock.count <= AGGREGATE_ABOVE) {
    for (var k = 0; k < clock.count; k++) {
      var i = clock.visible[k], x = inc.wx[i] * scale - ox, y = inc.wy[i] * scale - oy;
      boxes.push([x - r, y - r, x + r, y + r]);
    }
  }
  if (app.basemap && app.basemap.shownLabels) app.basemap.shownLabels.forEach(function (l) { boxes.push(l.box); });
  return boxes;
}

// Where a label of half-size (hw, hh) centred near (x, y) goes: on the point, or above, below,
// beside or diagonally off it, in three widening rings, the first spot inside `view` (the
// visible map, same pixels; optional) and clear of incident circles and other labels; on the point
// if every spot covers a circle; null if it would cover another label.
function labelSpot(x, y, hw, hh, placed, dots, view) {
  var spots = [[x, y]];
  for (var ring = 1; ring <= 3; ring++) {
    var up = ring * (hh + 10), across = hw + ring * 10;
    spots.push([x, y - up], [x, y + up], [x + across, y], [x - across, y],
               [x + across, y - up], [x - across, y - up], [x + across, y + up], [x - across, y + up]);
  }
  for (var s = 0; s < spots.length; s++) {
    var c = spots[s], box = [c[0] - hw, c[1] - hh, c[0] + hw, c[1] + hh];
    var seen = !view || (box[0] >= view[0] && box[1] >= view[1] && box[2] <= view[2] && box[3] <= view[3]);
    if (seen && !collides(placed, box) && !collides(dots, box)) return c;
  }
  return collides(placed, [x - hw, y - hh, x + hw, y + hh]) ? null : [x, y];
}

var TodayPanel = L.Control.extend({
  options: {position: 'topleft'},
  initialize: function (app) { this._app = app; },
  onAdd: function () {
    var app = this._app, box = el('div', 'mapgen-today leaflet-bar');
    var unit = app.steps ? app.steps.unit : 'day';
    var toggle = el('button', 'mapgen-btn mapgen-today-toggle', 'This ' + unit);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    var panel = el('div', 'mapgen-today-panel');
    panel.id = 'mapgen-today';
    panel.hidden = true;
    toggle.setAttribute('aria-controls', panel.id);
    var head = el('p', 'mapgen-today-head');
    head.setAttribute('aria-live', 'polite');
    var list = el('ul', 'mapgen-today-list');
    panel.appendChild(head);
    panel.appendChild(list);
    box.appendChild(toggle);
    box.appendChild(panel);
    var self = this;
    toggle.addEventListener('click', function () { self.open(panel.hidden); });
    list.addEventListener('click', function (e) {
      var button = e.target.closest ? e.target.closest('button') : null;
      if (!button) return;
      if (button.hasAttribute('data-incident')) {
        var i = app.clock.inc.indexOf(button.getAttribute('data-incident'));
        if (i < 0) return;
        var zoom = Math.max(app.map.getZoom(), Math.min(11, app.map.getMaxZoom()));
        flyTo(app.map, [app.clock.inc.lat(i), app.clock.inc.lon(i)], zoom, function () { app.openIndex(i); });
      } else if (button.hasAttribute('data-zone')) {
        var id = button.getAttribute('data-zone');
        var z = app.zoneLayers.filter(function (x) { return x.zone.id === id; })[0];
        if (z) flyTo(app.map, [z.zone.gainAt[0], z.zone.gainAt[1]], Math.max(app.map.getZoom(), 10));
      }
    });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    this.toggle = toggle;
    this.panel = panel;
    this.head = head;
    this.list = list;
    return box;
  },
  open: function (open) {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) this.fill();
  },
  // The step's incidents (newest first) and changes of control, as buttons.
  fill: function () {
    if (this.panel.hidden) return;
    var app = this._app, clock = app.clock, inc = clock.inc, list = this.list;
    var range = app.freshRange(), taken = app.takenZones(), n = range[1] - range[0];
    while (list.firstChild) list.removeChild(list.firstChild);
    var label = clock.days.label[clock.index];
    if (app.steps && app.steps.unit !== 'day') label = clock.days.label[app.stepStart(clock.index)] + ' – ' + label;
    this.head.textContent = label + ': ' + n + ' new incident' + (n === 1 ? '' : 's') +
      (taken.length ? ', ' + taken.length + ' change' + (taken.length === 1 ? '' : 's') + ' of control' : '');
    taken.forEach(function (z) {
      var item = el('li'), button = el('button', 'mapgen-today-item');
      button.type = 'button';
      button.setAttribute('data-zone', z.zone.id);
      button.style.borderLeftColor = app.data.factions[z.zone.f].color;
      button.textContent = app.data.factions[z.zone.f].label + ': ' + takenLabel(app, z.zone);
      item.appendChild(button);
      list.appendChild(item);
    });
    for (var i = range[1] - 1, shown = 0; i >= range[0] && shown < MAX_LISTED; i--, shown++) {
      var type = app.data.types[inc.ty[i]], item = el('li'), button = el('button', 'mapgen-today-item');
      button.type = 'button';
      button.setAttribute('data-incident', inc.id(i));
      button.style.borderLeftColor = type.color;
      button.appendChild(userText('span', 'mapgen-today-title', inc.title(i) || type.label));
      var place = inc.place(i), where = el('span', 'mapgen-today-where', type.label + (place ? ', ' : ''));
      if (place) where.appendChild(userText('bdi', null, place));
      button.appendChild(where);
      item.appendChild(button);
      list.appendChild(item);
    }
    if (n > MAX_LISTED) list.appendChild(el('li', 'mapgen-today-more', 'and ' + (n - MAX_LISTED) + ' more'));
  }
});

var Today = {
  init: function (app) {
    app.clock.freshFrom = null;
    app.hasGains = app.data.zones.some(function (z) { return !!z.gain; });
    var panel = app.today = new TodayPanel(app);
    // after the zoom buttons and the reset button (75-reader), before the layer switch
    app.loading.then(function () { panel.addTo(app.map); panel.fill(); });
    document.addEventListener('mapgen:change', function (e) {
      if (e.detail.reason === 'text') panel.fill();  // titles have arrived
    });
    // the "taken" labels keep clear of the place names, which come after the first picture
    if (app.basemap) {
      app.basemap.on('placelabels', function () {
        var boxes = app.takenZones().map(function (z) { return z.labelBox; });
        if (coversPlaceLabel(app, boxes)) app.zoneCanvas.redraw();
      });
    }
  },
  date: function (app) {
    var clock = app.clock;
    clock.freshFrom = clock.days.start[app.stepStart(clock.index)];
    var range = app.freshRange();
    clock.freshCount = range[1] - range[0];
    if (app.hasGains) {  // the taken ground belongs to its day only: redrawn when that changes
      var key = app.takenZones().map(function (z) { return z.zone.id; }).join('\n');
      if (key !== app._takenKey) { app._takenKey = key; app._zonesChanged = true; }
    }
    this._pulse = app.loaded && !reducedMotion();
    clearTimeout(this._pulseTimer);
    if (app._pulses) while (app._pulses.firstChild) app._pulses.removeChild(app._pulses.firstChild);
    if (app.today && app.today.panel) app.today.fill();
  },
  // the pulse waits until the slider rests (PULSE_DELAY): none while scrubbing or playing fast
  drawn: function (app) {
    if (!this._pulse) return;
    this._pulse = false;
    clearTimeout(this._pulseTimer);
    var index = app.clock.index;
    this._pulseTimer = setTimeout(function () { if (app.clock.index === index) pulse(app); }, PULSE_DELAY);
  },
  state: function (app, out) {
    out.fresh = app.clock.freshCount || 0;
    out.taken = app.takenZones().map(function (z) {
      return {id: z.zone.id, label: takenLabel(app, z.zone), box: z.labelBox || null};
    });
  }
};
APP_PARTS.push(Today);

// A ring that grows and fades once around each new incident on screen (CSS animation; none
// when the reader asks for reduced motion, in CSS as well).
function pulse(app) {
  var map = app.map, range = app.freshRange(), inc = app.clock.inc, size = map.getSize();
  var layer = app._pulses;
  if (!layer) layer = app._pulses = L.DomUtil.create('div', 'mapgen-pulses', map.getContainer());
  while (layer.firstChild) layer.removeChild(layer.firstChild);
  for (var i = range[1] - 1, made = 0; i >= range[0] && made < MAX_PULSES; i--) {
    var p = map.latLngToContainerPoint([inc.lat(i), inc.lon(i)]);
    if (p.x < 0 || p.y < 0 || p.x > size.x || p.y > size.y) continue;
    var ring = el('span', 'mapgen-pulse');
    ring.style.left = p.x + 'px';
    ring.style.top = p.y + 'px';
    ring.style.borderColor = app.data.types[inc.ty[i]].color;
    ring.addEventListener('animationend', function () { if (this.parentNode) this.parentNode.removeChild(this); });
    layer.appendChild(ring);
    made++;
  }
}

// mapgen.today(): what began in the current step.
App.prototype.todayList = function () {
  var range = this.freshRange(), inc = this.clock.inc, ids = [], app = this;
  for (var i = range[0]; i < range[1]; i++) ids.push(inc.id(i));
  return {incidents: ids, zones: this.takenZones().map(function (z) { return {id: z.zone.id, label: takenLabel(app, z.zone)}; })};
};
