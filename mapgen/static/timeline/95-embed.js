/* In an article's frame: cooperative gestures (the page scrolls; Ctrl/⌘ + wheel zooms, two fingers pan). */

var HINT_MS = 1500;  // how long a gesture hint stays

function isFramed() {
  try { return window.self !== window.top; } catch (e) { return true; }  // a cross-origin parent
}

// Embedded in an article, the map must not capture the reader's scrolling: the mouse wheel
// scrolls the article unless Ctrl (⌘ on a Mac) is held, and one finger scrolls it while two
// move and pinch the map. A short hint says how to zoom or move instead.
function cooperativeGestures(app) {
  var map = app.map, root = map.getContainer();
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || '');
  var hint = el('div', 'mapgen-gesture-hint');
  hint.setAttribute('aria-hidden', 'true');
  hint.hidden = true;
  root.appendChild(hint);
  var timer = null;
  function say(text) {
    hint.textContent = text;
    hint.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(function () { hint.hidden = true; }, HINT_MS);
  }
  var wheel = map.scrollWheelZoom;
  if (wheel) wheel.disable();
  root.addEventListener('wheel', function (e) {
    // the controls (legend, lists) scroll themselves
    if (e.target.closest && e.target.closest('.leaflet-control')) return;
    if (e.ctrlKey || e.metaKey) {
      hint.hidden = true;
      if (wheel && wheel._onWheelScroll) {
        wheel._onWheelScroll(e);  // Leaflet's own wheel zoom (it cancels the browser's page zoom)
      } else {
        e.preventDefault();
        map.setZoomAround(map.mouseEventToContainerPoint(e), map.getZoom() + (e.deltaY < 0 ? 1 : -1));
      }
      return;
    }
    say(mac ? 'Use ⌘ + scroll to zoom the map' : 'Use Ctrl + scroll to zoom the map');
  }, {passive: false});
  // one finger: the browser scrolls the page (touch-action); two: the map moves and zooms
  root.style.touchAction = 'pan-x pan-y';
  root.classList.add('mapgen-cooperative');
  root.addEventListener('touchstart', function (e) {
    if (e.touches.length === 1) {
      if (map.dragging) map.dragging.disable();
      if (!(e.target.closest && e.target.closest('.leaflet-control, .leaflet-popup'))) say('Use two fingers to move the map');
    } else {
      hint.hidden = true;
      if (map.dragging) map.dragging.enable();
    }
  }, {passive: true});
  root.addEventListener('touchend', function (e) {
    if (!e.touches.length && map.dragging) map.dragging.enable();  // the mouse still drags
  }, {passive: true});
}

APP_PARTS.push({
  init: function (app) {
    app.framed = isFramed();
    if (app.framed) cooperativeGestures(app);
  },
  state: function (app, out) {
    out.framed = !!app.framed;
    out.zoom = app.map.getZoom();
  }
});
