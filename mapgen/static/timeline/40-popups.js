/* Popups of incidents and zones, built from the data with textContent (untrusted text). */

function dayIndexOf(days, minute) {
  var d = upperBound(days.start, minute + 1) - 1;
  return Math.max(0, Math.min(d, days.iso.length - 1));
}

var MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The label of the day before `endMinute` (an exclusive end at a local midnight) past the day axis,
// which stops at the last start: counted from the axis's last day in that day's UTC offset, an hour
// earlier so that a daylight-saving change in between cannot move it to the next day.
function labelBeyondAxis(days, endMinute) {
  var last = days.iso.length - 1;
  var lastUtc = Date.parse(days.iso[last] + 'T00:00:00Z') / 60000;
  var offset = days.start[last] - lastUtc;
  var when = new Date((endMinute - 61 - offset) * 60000);
  return when.getUTCDate() + ' ' + MONTH_ABBR[when.getUTCMonth()] + ' ' + when.getUTCFullYear();
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
  // A coarse date stands for its whole span (a week, a month, or a source's start..end): say so,
  // rather than naming its first day as if it were a "week of" or "month of" that day.
  var last = days.iso.length - 1, endLabel = null;
  if (inc.e[i] > days.start[last + 1]) endLabel = labelBeyondAxis(days, inc.e[i]);
  else if (dayIndexOf(days, inc.e[i] - 1) > d) endLabel = days.label[dayIndexOf(days, inc.e[i] - 1)];
  if (endLabel) return 'some time between ' + days.label[d] + ' and ' + endLabel + ' (approximate)';
  return (tp === 'week' ? 'week of ' : 'month of ') + days.label[d] + ' (approximate)';
}

function sourceList(sources) {
  var list = el('ul', 'mapgen-sources');
  (sources || []).forEach(function (src) {
    var item = el('li'), outlet = src[0], url = src[1], published = src[2];
    if (url && SAFE_URL.test(url)) {
      var a = userText('a', null, outlet || url);
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer nofollow';
      item.appendChild(a);
    } else {
      item.appendChild(userText('bdi', null, outlet));
    }
    if (published) item.appendChild(el('span', 'mapgen-published', ' (' + published + ')'));
    list.appendChild(item);
  });
  return list;
}

function incidentPopup(data, inc, i) {
  var box = el('div', 'mapgen-popup');
  var type = data.types[inc.ty[i]], title = inc.title(i), desc = inc.desc(i), sources = inc.sources(i);
  var head = el('div', 'mapgen-popup-type', type.label);
  head.style.borderLeftColor = type.color;
  box.appendChild(head);
  box.appendChild(userText('h3', 'mapgen-popup-title', title || type.label));
  var facts = el('dl', 'mapgen-facts');
  function fact(name, value, written) {
    if (value === '' || value === null || value === undefined) return;
    facts.appendChild(el('dt', null, name));
    var dd = el('dd');
    // (what a report wrote, in its own direction: a place named in Arabic)
    dd.appendChild(written ? userText('bdi', null, value) : document.createTextNode(String(value)));
    facts.appendChild(dd);
    return dd;
  }
  fact('When', whenLabel(data, inc, i));
  var gp = GEO_PRECISIONS[inc.gp[i]];
  var where = fact('Where', inc.place(i) || (inc.lat(i).toFixed(4) + ', ' + inc.lon(i).toFixed(4)), true);
  if (gp !== 'exact') {
    where.appendChild(document.createTextNode(' (' + (gp === 'near' ? 'near; approximate' : 'region; approximate') + ')'));
  }
  fact('Actors', inc.actors(i).join(', '), true);
  if (inc.fatalities(i) !== null) fact('Fatalities', inc.fatalities(i));
  box.appendChild(facts);
  if (desc) box.appendChild(userText('p', 'mapgen-popup-desc', desc));
  if (sources.length) {
    box.appendChild(el('div', 'mapgen-popup-label', 'Sources'));
    box.appendChild(sourceList(sources));
  }
  box.setAttribute('data-incident', inc.id(i));
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
  if ((zone.towns || []).length) {
    // a zone drawn from town control: which towns, held since when, on whose word
    box.appendChild(el('div', 'mapgen-popup-label', zone.towns.length === 1 ? 'Town held' : zone.towns.length + ' towns held'));
    var list = el('ul', 'mapgen-towns');
    zone.towns.forEach(function (town) {
      var item = el('li', 'mapgen-town');
      item.appendChild(el('span', 'mapgen-town-name', town[0]));
      item.appendChild(el('span', 'mapgen-town-since', ' since ' + town[1]));
      if (town[2].length) item.appendChild(sourceList(town[2]));
      else item.appendChild(el('span', 'mapgen-town-nosource', ' (no source given)'));
      list.appendChild(item);
    });
    box.appendChild(list);
  } else if ((zone.src || []).length) {
    box.appendChild(el('div', 'mapgen-popup-label', 'Sources'));
    box.appendChild(sourceList(zone.src));
  }
  box.setAttribute('data-zone', zone.id);
  return box;
}
