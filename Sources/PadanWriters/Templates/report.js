(function () {
  "use strict";
  // The full disparity table: rows are arrays in ReportPage.columns order.
  var P = 0, CODE = 1, NAMA = 2, NIP = 3, NPSN = 4, SEKOLAH = 5, KAB = 6, FIELD = 7, DAPODIK = 8, SIASN = 9,
      SARAN = 10, STATUS = 11, AGE = 12;
  var PAGE = 200;
  var started = (window.performance && performance.now) ? performance.now() : Date.now();
  var rows, codes;
  try {
    rows = JSON.parse(document.getElementById("data-disparitas").textContent);
    codes = JSON.parse(document.getElementById("data-kode").textContent);
  } catch (e) {
    return; // the static table stays
  }
  var $ = function (id) { return document.getElementById(id); };
  var nf = function (n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); };

  // One lower-case haystack per row, built once, so a search is one pass of indexOf.
  var hay = new Array(rows.length);
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i];
    hay[i] = (r[CODE] + "\u0001" + r[NAMA] + "\u0001" + r[NIP] + "\u0001" + r[NPSN] + "\u0001" + r[SEKOLAH] + "\u0001" +
      r[KAB] + "\u0001" + r[FIELD] + "\u0001" + r[DAPODIK] + "\u0001" + r[SIASN] + "\u0001" + r[SARAN]).toLowerCase();
  }

  var f = { q: $("f-q"), prioritas: $("f-prioritas"), kode: $("f-kode"), kab: $("f-kab"), sekolah: $("f-sekolah"), status: $("f-status") };
  var page = 0, matched = [];

  function option(select, value, label) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }
  function distinct(col) {
    var seen = Object.create(null), out = [];
    for (var i = 0; i < rows.length; i++) {
      var v = rows[i][col];
      if (v !== "" && !seen[v]) { seen[v] = true; out.push(v); }
    }
    return out.sort(function (a, b) { return a.localeCompare(b, "id"); });
  }
  distinct(CODE).forEach(function (c) { option(f.kode, c, codes[c] ? c + " — " + codes[c][0] : c); });
  distinct(KAB).forEach(function (k) { option(f.kab, k, k); });

  // Schools: NPSN → name and kabupaten/kota; the list follows the chosen kabupaten/kota.
  var schools = Object.create(null);
  for (var s = 0; s < rows.length; s++) {
    var n = rows[s][NPSN];
    if (n && !schools[n]) schools[n] = { name: rows[s][SEKOLAH] || n, kab: rows[s][KAB] };
  }
  var schoolList = Object.keys(schools).sort(function (a, b) { return schools[a].name.localeCompare(schools[b].name, "id"); });
  function fillSchools() {
    var keep = f.sekolah.value, kab = f.kab.value;
    while (f.sekolah.options.length > 1) f.sekolah.remove(1);
    var frag = document.createDocumentFragment();
    schoolList.forEach(function (npsn) {
      if (kab && schools[npsn].kab !== kab) return;
      var o = document.createElement("option");
      o.value = npsn;
      o.textContent = schools[npsn].name + " (" + npsn + ")";
      frag.appendChild(o);
    });
    f.sekolah.appendChild(frag);
    f.sekolah.value = keep;
    if (f.sekolah.value !== keep) f.sekolah.value = "";
  }

  function apply() {
    var q = f.q.value.trim().toLowerCase(), p = f.prioritas.value ? Number(f.prioritas.value) : 0;
    var kode = f.kode.value, kab = f.kab.value, npsn = f.sekolah.value, status = f.status.value;
    var terms = q ? q.split(/\s+/) : [];
    matched = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (p && r[P] !== p) continue;
      if (kode && r[CODE] !== kode) continue;
      if (kab && r[KAB] !== kab) continue;
      if (npsn && r[NPSN] !== npsn) continue;
      if (status && r[STATUS] !== status) continue;
      var ok = true;
      for (var t = 0; t < terms.length; t++) { if (hay[i].indexOf(terms[t]) < 0) { ok = false; break; } }
      if (ok) matched.push(i);
    }
    var pages = Math.max(1, Math.ceil(matched.length / PAGE));
    if (page >= pages) page = pages - 1;
    render();
    remember();
  }

  function cell(tr, text, sub, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    td.appendChild(document.createTextNode(text));
    if (sub) {
      var span = document.createElement("span");
      span.className = "sub";
      span.textContent = sub;
      td.insertBefore(span, td.firstChild);
    }
    return tr.appendChild(td);
  }
  function cellWithSub(tr, text, sub) {
    var td = document.createElement("td");
    td.appendChild(document.createTextNode(text));
    var span = document.createElement("span");
    span.className = "sub";
    span.textContent = sub;
    td.appendChild(span);
    return tr.appendChild(td);
  }

  function render() {
    var body = $("baris"), frag = document.createDocumentFragment();
    var from = page * PAGE, to = Math.min(matched.length, from + PAGE);
    for (var k = from; k < to; k++) {
      var r = rows[matched[k]];
      var tr = document.createElement("tr");
      tr.className = "p" + r[P];
      cell(tr, String(r[P]), "", "pri");
      var td = document.createElement("td"), code = document.createElement("code");
      td.className = "kode";
      code.textContent = r[CODE];
      td.appendChild(code);
      if (codes[r[CODE]]) {
        var u = document.createElement("span");
        u.className = "sub";
        u.textContent = codes[r[CODE]][0];
        td.appendChild(u);
        td.title = "Tindakan: " + codes[r[CODE]][1];
      }
      tr.appendChild(td);
      cellWithSub(tr, r[NAMA], r[NIP]);
      cellWithSub(tr, r[SEKOLAH], r[NPSN] + (r[KAB] ? " · " + r[KAB] : ""));
      cell(tr, r[DAPODIK], r[FIELD]);
      cell(tr, r[SIASN]);
      cell(tr, r[SARAN], "", "saran");
      cell(tr, r[STATUS] === "BARU" ? "Baru" : "Berlanjut, " + nf(r[AGE]) + " hari", "", "status");
      frag.appendChild(tr);
    }
    body.textContent = "";
    body.appendChild(frag);
    var pages = Math.max(1, Math.ceil(matched.length / PAGE));
    $("hitungan").textContent = matched.length === 0
      ? "Tidak ada disparitas yang cocok dengan saringan."
      : "Menampilkan " + nf(from + 1) + "–" + nf(to) + " dari " + nf(matched.length) + " disparitas" +
        (matched.length < rows.length ? " (tersaring dari " + nf(rows.length) + ")" : "") + ".";
    $("hal-info").textContent = "halaman " + nf(page + 1) + " dari " + nf(pages);
    $("hal-prev").disabled = page === 0;
    $("hal-next").disabled = page >= pages - 1;
  }

  // Filters live in the address after '#tabel?' (and are read from '?' too), so a filtered view can be shared.
  var keys = ["q", "prioritas", "kode", "kab", "sekolah", "status"];
  function remember() {
    var parts = [];
    keys.forEach(function (k) { if (f[k].value) parts.push(k + "=" + encodeURIComponent(f[k].value)); });
    if (page > 0) parts.push("hal=" + (page + 1));
    try {
      history.replaceState(null, "", parts.length ? "#tabel?" + parts.join("&") : location.pathname + location.search);
    } catch (e) { /* some browsers refuse on file: pages; filters still work */ }
  }
  function recall() {
    var text = location.search.slice(1);
    var h = location.hash.indexOf("?");
    if (h >= 0) text += (text ? "&" : "") + location.hash.slice(h + 1);
    var got = {};
    text.split("&").forEach(function (pair) {
      if (!pair) return;
      var eq = pair.indexOf("=");
      var k = eq < 0 ? pair : pair.slice(0, eq), v = eq < 0 ? "" : pair.slice(eq + 1);
      try { got[k] = decodeURIComponent(v.replace(/\+/g, " ")); } catch (e) { got[k] = v; }
    });
    if (got.kab !== undefined) f.kab.value = got.kab;
    fillSchools();
    keys.forEach(function (k) { if (got[k] !== undefined && k !== "kab") f[k].value = got[k]; });
    page = Math.max(0, (parseInt(got.hal, 10) || 1) - 1);
    return Object.keys(got).length > 0;
  }

  var timer = null;
  f.q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { page = 0; apply(); }, 150);
  });
  ["prioritas", "kode", "sekolah", "status"].forEach(function (k) {
    f[k].addEventListener("change", function () { page = 0; apply(); });
  });
  f.kab.addEventListener("change", function () { fillSchools(); page = 0; apply(); });
  $("f-reset").addEventListener("click", function () {
    keys.forEach(function (k) { f[k].value = ""; });
    fillSchools();
    page = 0;
    apply();
  });
  $("hal-prev").addEventListener("click", function () { if (page > 0) { page--; render(); remember(); } });
  $("hal-next").addEventListener("click", function () { page++; render(); remember(); });

  // Links in the summaries (a code, a kabupaten/kota, a school) open the table filtered to it.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[data-kode],a[data-kab],a[data-sekolah]") : null;
    if (!a) return;
    keys.forEach(function (k) { f[k].value = ""; });
    if (a.dataset.kab) f.kab.value = a.dataset.kab;
    fillSchools();
    if (a.dataset.kode) f.kode.value = a.dataset.kode;
    if (a.dataset.sekolah) f.sekolah.value = a.dataset.sekolah;
    page = 0;
    apply();
  });

  $("baris-statis").hidden = true;
  var more = $("lebih-statis");
  if (more) more.hidden = true;
  $("tabel-js").hidden = false;
  fillSchools();
  var filtered = recall();
  apply();
  var took = ((window.performance && performance.now) ? performance.now() : Date.now()) - started;
  $("tabel-disparitas").setAttribute("data-render-ms", String(Math.round(took)));
  $("tabel-disparitas").setAttribute("data-matched", String(matched.length));
  if (filtered && location.hash.indexOf("#tabel") === 0) $("tabel").scrollIntoView();
})();
