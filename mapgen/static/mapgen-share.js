/* mapgen share: permalinks in the URL hash, a page that fits its frame, small-screen layout and
 * screen-reader text. Runs after the time layer (static/timeline/) and uses only its page API (mapgen.setDate,
 * mapgen.state, mapgen.openIncident, mapgen.days, mapgen.describe), mapgen.app.map, the DOM and
 * the `mapgen:change` event.
 *
 * Permalink: #date=2016-02-04&view=36.5,37,9&event=some-id  (any part may be left out; without a
 * date the map opens at its last day). The hash follows the map with history.replaceState, so
 * scrubbing the slider never fills the browser history.
 */
(function () {
  'use strict';

  var mapgen = window.mapgen;
  if (!mapgen || !mapgen.app) return;
  var map = mapgen.app.map;
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  var HASH_DELAY = 250;      // ms of quiet before the hash is rewritten
  var SUMMARY_DELAY = 300;   // ms of quiet before the screen-reader summary is rebuilt
  var LATEST = 5;            // latest incidents listed in the summary
  // (the app's opening view leaves the slider's room on the other screens: SLIDER_BELOW, 80-app)
  var SMALL = window.matchMedia ? window.matchMedia('(max-width: 600px), (max-height: 480px)') : null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () { timer = null; fn(); }, ms);
    };
  }

  /* ------------------------------------------------------------------ permalink */

  function round(x, digits) { return String(Number(x.toFixed(digits))); }

  // {date, view: [lat, lon, zoom], event} from a hash; unknown or malformed parts are left out.
  function parseHash(hash) {
    var out = {};
    String(hash || '').replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 1) return;
      var key = part.slice(0, eq), value;
      try { value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' ')); } catch (e) { return; }
      if (key === 'date' && ISO_DATE.test(value)) out.date = value;
      if (key === 'event' && value) out.event = value;
      if (key === 'view') {
        var v = value.split(',').map(Number);
        if (v.length === 3 && v.every(isFinite) && Math.abs(v[0]) <= 90 && Math.abs(v[1]) <= 180 &&
            v[2] >= 0 && v[2] <= 24) out.view = v;
      }
    });
    return out;
  }

  function state() { return mapgen.state({ids: false}); }  // no id lists: cheap at any size

  function currentHash() {
    var now = state(), c = map.getCenter();
    var parts = ['date=' + now.date,
                 'view=' + [round(c.lat, 4), round(c.lng, 4), round(map.getZoom(), 2)].join(',')];
    if (now.selected !== null) parts.push('event=' + encodeURIComponent(now.selected));
    return '#' + parts.join('&');
  }

  var applying = false;

  // Open an incident; the page API may answer later (a promise) while the map is still loading.
  function open(id, then, options) {
    var result;
    try { result = mapgen.openIncident(id, options); } catch (e) { return; }  // an id this map does not have
    if (result && typeof result.then === 'function') {
      result.then(then, function () { /* an id this map does not have */ });
    } else if (then) {
      then();
    }
  }

  function applyHash(hash) {
    var want = parseHash(hash), now = state();
    // the view last: opening a popup may pan the map, the permalink's view wins
    function restoreView() {
      if (!want.view) return;
      applying = true;
      try { map.setView([want.view[0], want.view[1]], want.view[2], {animate: false}); } finally { applying = false; }
    }
    applying = true;
    try {
      if (want.date && want.date !== now.date && mapgen.days().indexOf(want.date) >= 0) {
        mapgen.setDate(want.date);
      }
      if (want.event && want.event !== now.selected) {
        // a link to an incident alone shows the map as of its day; with a date, that date
        open(want.event, restoreView, {date: want.date ? 'keep' : 'incident'});
      } else if (!want.event && now.selected !== null && hash) {
        map.closePopup();
      }
    } finally {
      applying = false;
    }
    restoreView();
  }

  var writeHash = debounce(function () {
    var next = currentHash();
    if (next !== window.location.hash) {
      try {
        history.replaceState(history.state, '', next);
      } catch (e) {  // e.g. a sandboxed frame without same-origin: keep the map working
      }
    }
    updateFullLink(next);
  }, HASH_DELAY);

  // In an article's frame readers cannot see the address: a link opens this view in its own tab.
  var fullLink = null;
  function addFullLink() {
    var framed = false;
    try { framed = window.self !== window.top; } catch (e) { framed = true; }
    var info = document.querySelector('.mapgen-info');
    if (!framed || !info || !/^(https?|file):$/.test(window.location.protocol)) return;
    fullLink = el('a', 'mapgen-open-full', 'Open full map');
    fullLink.target = '_blank';
    fullLink.rel = 'noopener';
    var toggle = info.querySelector('.mapgen-legend-toggle');
    info.insertBefore(fullLink, toggle ? toggle.nextSibling : null);
    updateFullLink(currentHash());
  }
  function updateFullLink(hash) {
    if (fullLink) fullLink.href = window.location.href.split('#')[0] + hash;
  }

  /* ------------------------------------------------------------------ frame and small screens */

  // Attribution joins the slider's corner on small screens so the two never overlap. The node is
  // moved, not re-added: re-adding would rebuild it without the credit line the time layer added.
  function placeAttribution() {
    var attribution = map.attributionControl;
    if (!attribution || !SMALL) return;
    var node = attribution.getContainer(), root = map.getContainer();
    var corner = root.querySelector(SMALL.matches ? '.leaflet-bottom.leaflet-left' : '.leaflet-bottom.leaflet-right');
    if (node && corner && node.parentNode !== corner) corner.insertBefore(node, corner.firstChild);
    if (node && !node.getAttribute('data-mapgen-toggle')) {
      node.setAttribute('data-mapgen-toggle', '1');
      node.addEventListener('click', function (e) {
        if (!(e.target.closest && e.target.closest('a'))) node.classList.toggle('mapgen-open');
      });
    }
  }

  function legendToggle() {
    var info = document.querySelector('.mapgen-info');
    var legend = info && info.querySelector('.mapgen-legend');
    if (!legend) return null;
    legend.id = legend.id || 'mapgen-legend';
    var button = el('button', 'mapgen-btn mapgen-legend-toggle', 'Legend');
    button.type = 'button';
    button.setAttribute('aria-controls', legend.id);
    var title = info.querySelector('.mapgen-title');
    if (title && title.nextSibling) info.insertBefore(button, title.nextSibling); else info.appendChild(button);
    function set(open) {
      info.classList.toggle('mapgen-collapsed', !open);
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      button.textContent = open ? 'Hide legend' : 'Legend';
    }
    var chosen = false;  // once the reader has chosen, a change of screen size leaves it alone
    button.addEventListener('click', function () {
      chosen = true;
      set(info.classList.contains('mapgen-collapsed'));
    });
    set(!(SMALL && SMALL.matches));
    return {fit: function () { if (!chosen) set(!(SMALL && SMALL.matches)); }};
  }

  // On small screens the whole title stands above the map (the legend box has room for one line
  // of it): a header that only sighted readers need, as the box keeps the title's heading.
  // Not in a frame: there the article around it gives the title, and the map needs the room.
  function titleHeader() {
    var title = document.querySelector('.mapgen-info .mapgen-title'), framed;
    try { framed = window.self !== window.top; } catch (e) { framed = true; }
    if (framed || !title || !title.textContent) return;
    var header = el('header', 'mapgen-header');
    header.setAttribute('aria-hidden', 'true');
    header.appendChild(el('p', 'mapgen-header-title', title.textContent));
    var container = map.getContainer();
    container.parentNode.insertBefore(header, container);
    document.body.classList.add('mapgen-has-header');
  }

  // On small screens and in small frames the slider sits below the map instead of over its
  // lower third, so that the whole opening view stays visible; elsewhere it stays in its corner.
  // The node is moved, not re-added, so its handlers and state stay as they are.
  var footer = null, sliderHome = null;
  function placeSlider() {
    var slider = mapgen.app.slider && mapgen.app.slider.getContainer();
    if (!slider || !SMALL) return false;
    var below = SMALL.matches;
    if (below === (footer !== null && slider.parentNode === footer)) return false;
    if (below) {
      if (!footer) {
        footer = el('div', 'mapgen-footer');
        container.parentNode.insertBefore(footer, container.nextSibling);
      }
      sliderHome = {corner: slider.parentNode, next: slider.nextSibling};
      footer.appendChild(slider);
    } else {
      var next = sliderHome.next && sliderHome.next.parentNode === sliderHome.corner ? sliderHome.next : null;
      sliderHome.corner.insertBefore(slider, next);
    }
    document.body.classList.toggle('mapgen-has-footer', below);
    return true;
  }

  /* ------------------------------------------------------------------ screen-reader summary */

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }

  function buildSummary() {
    var box = el('section', 'mapgen-summary');
    box.id = 'mapgen-summary';
    box.setAttribute('aria-label', 'Map summary');
    box.appendChild(el('p', 'mapgen-summary-text'));
    box.appendChild(el('p', 'mapgen-summary-zones'));
    box.appendChild(el('p', 'mapgen-summary-head', 'Latest incidents (open one on the map):'));
    box.appendChild(el('ul', 'mapgen-summary-latest'));
    box.addEventListener('click', function (e) {
      var button = e.target.closest ? e.target.closest('button[data-incident]') : null;
      if (!button) return;
      // after opening: replacing an open popup closes it first, which hands focus back
      open(button.getAttribute('data-incident'), function () { opener = button; focusPopup(); });
    });
    var container = map.getContainer();
    container.parentNode.insertBefore(box, container);
    return box;
  }

  function fillSummary(box) {
    var d = mapgen.describe(LATEST);
    box.setAttribute('data-date', d.date);    // what the text describes (it follows changes after
    box.setAttribute('data-count', d.count);  // a short pause, so that scrubbing stays fast)
    box.setAttribute('data-texts', String(!!state().texts));  // whether the titles had arrived
    var text = 'As of ' + d.label + ', the map shows ' + plural(d.count, 'incident');
    text += d.types.length ? ' (' + d.types.map(function (t) { return t.label + ': ' + t.count; }).join(', ') + ').' : '.';
    box.querySelector('.mapgen-summary-text').textContent = text;
    var byFaction = {}, order = [];
    d.zones.forEach(function (z) {
      var f = byFaction[z.faction] || (byFaction[z.faction] = {n: 0, status: {}, order: []});
      if (!f.n) order.push(z.faction);
      f.n++;
      if (!f.status[z.status]) { f.status[z.status] = 0; f.order.push(z.status); }
      f.status[z.status]++;
    });
    box.querySelector('.mapgen-summary-zones').textContent = order.length
      ? 'Areas of control: ' + order.map(function (name) {
          var f = byFaction[name];
          var how = f.order.length === 1 ? f.order[0]
            : f.order.map(function (s) { return f.status[s] + ' ' + s; }).join(', ');
          return name + ' (' + plural(f.n, 'area') + ', ' + how + ')';
        }).join('; ') + '.'
      : 'No areas of control shown.';
    var list = box.querySelector('.mapgen-summary-latest');
    // a keyboard reader may be on one of the buttons: keep the focus on the same incident, or in the box
    var active = document.activeElement, had = list.contains(active) ? active.getAttribute('data-incident') : null;
    while (list.firstChild) list.removeChild(list.firstChild);
    box.querySelector('.mapgen-summary-head').hidden = !d.latest.length;
    d.latest.forEach(function (inc) {
      var item = el('li'), button = el('button', 'mapgen-summary-item');
      button.type = 'button';
      button.setAttribute('data-incident', inc.id);
      button.textContent = inc.title + ' (' + inc.type + ', ' + inc.when + (inc.place ? ', ' + inc.place : '') + ')';
      item.appendChild(button);
      list.appendChild(item);
    });
    if (had !== null) {
      var again = list.querySelector('button[data-incident="' + (window.CSS && CSS.escape ? CSS.escape(had) : had) + '"]')
        || list.querySelector('button');
      if (again) again.focus({preventScroll: true});
      else { box.setAttribute('tabindex', '-1'); box.focus({preventScroll: true}); }
    }
  }

  /* ------------------------------------------------------------------ popups by keyboard */

  var opener = null;

  function focusPopup() {
    var all = document.querySelectorAll('.leaflet-popup-content .mapgen-popup');
    var content = all[all.length - 1];  // the newest: an old popup may still be fading out
    if (!content) return;
    content.setAttribute('tabindex', '-1');
    content.focus({preventScroll: true});
  }

  map.on('popupclose', function () {
    var back = opener;
    opener = null;
    if (back && document.body.contains(back)) back.focus({preventScroll: true});
  });

  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var active = document.activeElement;
    if (active && active.closest && active.closest('.leaflet-popup')) map.closePopup();
  });

  /* ------------------------------------------------------------------ start */

  var container = map.getContainer();
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', 'Map' + (document.title ? ': ' + document.title : ''));

  var summary = buildSummary();
  var updateSummary = debounce(function () { fillSummary(summary); }, SUMMARY_DELAY);
  var legend = legendToggle();
  titleHeader();
  addFullLink();
  placeAttribution();
  placeSlider();
  // the header and the slider's footer took their height: same centre and zoom, so what the
  // slider covered before is now simply below the map
  if (SMALL && SMALL.matches) map.invalidateSize();
  if (SMALL) {
    var onSmall = function () { placeAttribution(); placeSlider(); if (legend) legend.fit(); map.invalidateSize(); };
    if (SMALL.addEventListener) SMALL.addEventListener('change', onSmall); else SMALL.addListener(onSmall);
  }

  applyHash(window.location.hash);
  fillSummary(summary);

  document.addEventListener('mapgen:change', function (e) {
    // the titles have arrived: the latest incidents are named at once, not after a pause
    if (e.detail && e.detail.reason === 'text') fillSummary(summary); else updateSummary();
    if (!applying) writeHash();
  });
  map.on('moveend', function () { if (!applying) writeHash(); });
  window.addEventListener('hashchange', function () { applyHash(window.location.hash); updateSummary(); });

  mapgen.share = {parseHash: parseHash, hash: currentHash, apply: applyHash};
})();
