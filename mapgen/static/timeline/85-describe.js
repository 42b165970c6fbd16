/* What the map shows at the current date as plain data (screen-reader summary). */

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
