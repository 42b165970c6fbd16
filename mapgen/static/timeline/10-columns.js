/* Decoding the packed columns (mapgen/columns.py) into typed arrays and string tables. */

// The numbers arrive as one deflated buffer of byte planes (see mapgen/columns.py), the strings
// as one deflated UTF-8 text of all tables joined, cut by a lengths column per table. Decoded
// once, into typed arrays and one string that popups and ids are sliced from.
function inflate(b64, inTasks) {  // base64 of deflated bytes -> Promise of an ArrayBuffer
  var bytes;
  if (Uint8Array.fromBase64) {
    bytes = Uint8Array.fromBase64(b64);
  } else {
    var bin = atob(b64), n = bin.length;
    bytes = new Uint8Array(n);
    for (var i = 0; i < n; i++) bytes[i] = bin.charCodeAt(i);
  }
  var inflater = new DecompressionStream('deflate'), writer = inflater.writable.getWriter();
  var ignore = function () {};  // a broken buffer is reported once, by the Promise returned
  writer.write(bytes).catch(ignore);
  writer.close().catch(ignore);
  // inTasks: read as a Response, in the browser's tasks, a slice at a time between other work
  // (the popup texts, megabytes, after the first picture). Else chunk by chunk in promise jobs:
  // the whole inflation then runs right after the script that asked for it, instead of
  // waiting between slices behind the reading of the rest of the page.
  if (inTasks) return new Response(inflater.readable).arrayBuffer();
  var reader = inflater.readable.getReader(), chunks = [], size = 0;
  return (function next() {
    return reader.read().then(function (r) {
      if (!r.done) { chunks.push(r.value); size += r.value.length; return next(); }
      var out = new Uint8Array(size), at = 0;
      for (var k = 0; k < chunks.length; k++) { out.set(chunks[k], at); at += chunks[k].length; }
      return out.buffer;
    });
  })();
}

// The popup texts (base64): in the data block, or, in a large page, in a block of their own
// after the page's script (mapgen/shape.py: page_data), which the browser may still be
// reading when the first drawing is done.
var LAZY_TEXT_ID = 'mapgen-lazy-text';
function lazyText(packed) {
  if (packed.lazyText != null) return Promise.resolve(packed.lazyText);
  return new Promise(function (resolve, reject) {
    function read() {
      var block = document.getElementById(LAZY_TEXT_ID);
      if (block) resolve(block.textContent); else reject(new Error('the page has no popup texts'));
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', read);
    else read();
  });
}

// Resolves once the page has loaded (the browser has read all of it, popup texts included) and
// a frame has been painted since, in a task after it (the frame after the next has begun): work
// that the first picture does not need starts then, so it holds back neither the reading of the
// page nor its first frames.
function afterPaint() {
  return pageLoaded().then(function () {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
    });
  });
}

// The load event (at the latest LOAD_WAIT_MS after the first picture: an embedding page's or a
// web basemap's slow image would otherwise hold the rest back).
var LOAD_WAIT_MS = 3000;
function pageLoaded() {
  return new Promise(function (resolve) {
    if (document.readyState === 'complete') return resolve();
    window.addEventListener('load', function () { resolve(); }, {once: true});
    setTimeout(resolve, LOAD_WAIT_MS);
  });
}

// One small function per pass: each is called for many columns, so the engine optimises it
// early, instead of running one large loop body unoptimised for the first columns.
function orPlane(out, plane, shift) { for (var i = 0; i < out.length; i++) out[i] |= plane[i] << shift; }
function unzigzag(out) { for (var i = 0; i < out.length; i++) out[i] = (out[i] >>> 1) ^ -(out[i] & 1); }
function runningSum(out, base) { var v = base; for (var i = 0; i < out.length; i++) { v += out[i]; out[i] = v; } }
function addBase(out, base) { for (var i = 0; i < out.length; i++) out[i] += base; }

function readColumns(packed, buffer) {
  var raw = new Uint8Array(buffer), offset = 0, cols = {};
  packed.cols.forEach(function (c) {
    var name = c[0], count = c[1], width = c[2], base = c[3], delta = c[4], zigzag = c[5];
    var out = new Int32Array(count);
    out.set(raw.subarray(offset, offset + count));  // the low bytes, widened natively
    for (var k = 1; k < width; k++) orPlane(out, raw.subarray(offset + k * count, offset + (k + 1) * count), 8 * k);
    offset += width * count;
    if (zigzag) unzigzag(out);
    if (delta) runningSum(out, base);
    else if (base) addBase(out, base);
    cols[name] = out;
  });
  return cols;
}

function StringTable(text, lengths, start) {
  var n = lengths.length, off = new Float64Array(n + 1);
  off[0] = start || 0;
  for (var i = 0; i < n; i++) off[i + 1] = off[i] + lengths[i];
  this.text = text;
  this.off = off;
  this.length = n;
  this.end = off[n];
}
StringTable.prototype.get = function (i) { return this.text.slice(this.off[i], this.off[i + 1]); };

// What the drawing needs besides the columns, computed once: each incident's end, its position
// in Web Mercator at zoom 0 (units of 256 px), where its sources start in the source columns,
// and the longest duration (it bounds the search for a time window).
function deriveColumns(packed, cols) {
  var n = packed.n, scale = Math.pow(10, packed.digits), i;
  var e = new Int32Array(n), wx = new Float64Array(n), wy = new Float64Array(n), srcOff = new Uint32Array(n + 1);
  var s = cols.s, d = cols.d, lat = cols.lat, lon = cols.lon, sn = cols.sn, longest = 0;
  var maxLat = 85.0511, rad = Math.PI / 180;
  for (i = 0; i < n; i++) {
    e[i] = s[i] + d[i];
    if (d[i] > longest) longest = d[i];
    var sin = Math.sin(Math.max(Math.min(lat[i] / scale, maxLat), -maxLat) * rad);
    wx[i] = (lon[i] / scale + 180) / 360;
    wy[i] = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    srcOff[i + 1] = srcOff[i] + sn[i];
  }
  return {e: e, wx: wx, wy: wy, srcOff: srcOff, longest: longest};
}

// The packed incidents (base64 buffers) -> a Promise of Incidents: decoded in promise jobs that
// run right after the script that builds the map (see inflate), so that the page's first frame
// already shows them.
function decodeIncidents(packed) {
  if (!packed.n) return Promise.resolve(Incidents.empty());
  return Promise.all([inflate(packed.bin), inflate(packed.text)]).then(function (parts) {
    var cols = readColumns(packed, parts[0]);
    return new Incidents(packed, {cols: cols, text: new TextDecoder().decode(parts[1]),
                                  derived: deriveColumns(packed, cols)});
  });
}

// The incidents, from their decoded columns (typed arrays), popup text and derived columns.
function Incidents(packed, decoded) {
  var cols = decoded.cols, derived = decoded.derived;
  this.n = packed.n;
  this.s = cols.s;
  this.e = derived.e;
  this.ty = cols.ty; this.tp = cols.tp; this.gp = cols.gp;
  this.pl = cols.pl; this.ac = cols.ac; this.fat = cols.fat;
  this.latI = cols.lat; this.lonI = cols.lon; this.scale = Math.pow(10, packed.digits);
  this.wx = derived.wx; this.wy = derived.wy;
  this.texts = {};
  this._cols = cols;
  this._addTables(packed.tables, decoded.text);
  this.hasText = false;  // titles, descriptions, links: see attachText
  this.actorSets = packed.actorSets;
  this.sn = cols.sn; this.so = cols.so; this.su = cols.su; this.sp = cols.sp;
  this.srcOff = derived.srcOff;
  this.longest = derived.longest;  // the longest duration: bounds the search for a time window
  this._byId = null;
}
Incidents.prototype._addTables = function (names, text) {
  var t = this.texts, cols = this._cols, start = 0;
  names.forEach(function (k) { t[k] = new StringTable(text, cols[k], start); start = t[k].end; });
};
// The tables only popups need arrive after the first drawing (App: textLoading).
Incidents.prototype.attachText = function (names, text) {
  this._addTables(names, text);
  this.hasText = true;
};
Incidents.prototype.id = function (i) { return this.texts.id.get(i); };
// titles and descriptions are '' until the popup texts have arrived (hasText)
Incidents.prototype.title = function (i) { return this.texts.title ? this.texts.title.get(i) : ''; };
Incidents.prototype.desc = function (i) { return this.texts.desc ? this.texts.desc.get(i) : ''; };
Incidents.prototype.place = function (i) { return this.texts.place.get(this.pl[i]); };
Incidents.prototype.lat = function (i) { return this.latI[i] / this.scale; };
Incidents.prototype.lon = function (i) { return this.lonI[i] / this.scale; };
Incidents.prototype.fatalities = function (i) { return this.fat[i] ? this.fat[i] - 1 : null; };
Incidents.prototype.actors = function (i) {
  var names = this.texts.actor;
  return this.actorSets[this.ac[i]].map(function (k) { return names.get(k); });
};
Incidents.prototype.sources = function (i) {
  var out = [], t = this.texts;
  for (var k = this.srcOff[i]; k < this.srcOff[i + 1]; k++) {
    out.push([t.outlet.get(this.so[k]), this.su[k] && t.url ? t.url.get(this.su[k] - 1) : null,
              this.sp[k] ? t.pub.get(this.sp[k] - 1) : null]);
  }
  return out;
};
Incidents.prototype.indexOf = function (id) {  // built on first use: most pages never need it
  if (!this._byId) {
    var map = new Map(), ids = this.texts.id;
    for (var i = 0; i < this.n; i++) map.set(ids.get(i), i);
    this._byId = map;
  }
  var found = this._byId.get(String(id));
  return found === undefined ? -1 : found;
};
Incidents.empty = function () {
  var zero = new Int32Array(0), none = new StringTable('', zero);
  var inc = Object.create(Incidents.prototype);
  inc.n = 0; inc.s = inc.e = inc.ty = inc.tp = inc.gp = zero; inc.wx = inc.wy = new Float64Array(0);
  inc.texts = {id: none}; inc.longest = 0; inc._byId = new Map(); inc.hasText = true;
  return inc;
};
