/* The page API: window.mapgen (setDate, state, whenReady, days, openIncident, describe, timeline, today). */

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
  mapgen.state = function (options) { return app.state(options); };
  mapgen.whenReady = function () { return app.whenReady(); };
  mapgen.days = function () { return app.clock.days.iso.slice(); };
  // Opens an incident's popup. The slider moves to the day the incident began when it is not
  // shown at the current date; options.date: 'keep' never moves it (a permalink with its own
  // date), 'incident' always does (a permalink to the incident alone).
  mapgen.openIncident = function (id, options) {
    if (!app.loaded) return app.loading.then(function () { mapgen.openIncident(id, options); });
    var i = app.clock.inc.indexOf(id), date = options && options.date;
    if (i < 0) throw new Error('no such incident: ' + id);
    if (date === 'incident' || (date !== 'keep' && !app.clock.isVisible(i))) {
      app.go(dayIndexOf(app.clock.days, app.clock.inc.s[i]));
    }
    app.openIndex(i);
  };
  mapgen.describe = function (latest) { return app.describe(latest); };
  mapgen.timeline = function () { return app.timeline(); };
  mapgen.today = function () { return app.todayList(); };
  return app;
};
