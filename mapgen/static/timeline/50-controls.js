/* Leaflet controls: the date slider with play, and the info/legend box. */

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
      // what the statuses drawn on this map mean
      var statuses = {};
      data.zones.forEach(function (z) { statuses[z.status] = true; });
      if (statuses.contested) row('', 'contested: hatched, dashed edge (fighting, or control disputed)', 'contested');
      if (statuses.claimed) row('', 'claimed: faint, dashed edge (a side\'s claim, not confirmed)', 'claimed');
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
