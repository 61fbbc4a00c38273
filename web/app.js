// rasid — the page. Plain JavaScript, no build step. Every piece of data is
// put into the page with textContent (never innerHTML), so an article's
// text cannot inject markup.
"use strict";

(() => {
  // ───────────────────────── vocabulary ─────────────────────────

  // CAMEO roots, in Arabic (our translation) and English.
  const ROOTS = {
    "01": ["تصريح علني", "Make public statement"],
    "02": ["مناشدة", "Appeal"],
    "03": ["إبداء نية التعاون", "Express intent to cooperate"],
    "04": ["تشاور", "Consult"],
    "05": ["تعاون دبلوماسي", "Diplomatic cooperation"],
    "06": ["تعاون مادي", "Material cooperation"],
    "07": ["تقديم مساعدة", "Provide aid"],
    "08": ["تنازل", "Yield"],
    "09": ["تحقيق", "Investigate"],
    "10": ["مطالبة", "Demand"],
    "11": ["استنكار", "Disapprove"],
    "12": ["رفض", "Reject"],
    "13": ["تهديد", "Threaten"],
    "14": ["احتجاج", "Protest"],
    "15": ["استعراض القوة", "Exhibit force posture"],
    "16": ["تقليص العلاقات", "Reduce relations"],
    "17": ["إكراه", "Coerce"],
    "18": ["اعتداء", "Assault"],
    "19": ["قتال", "Fight"],
    "20": ["عنف جماعي", "Unconventional mass violence"],
  };
  const QUADS = {
    1: ["تعاون لفظي", "Verbal cooperation", "#7cc6a4"],
    2: ["تعاون مادي", "Material cooperation", "#1f8a63"],
    3: ["صراع لفظي", "Verbal conflict", "#f0a24f"],
    4: ["صراع مادي", "Material conflict", "#d14343"],
  };
  const ROLES = {
    GOV: "حكومة", MIL: "جيش", LEG: "برلمان", JUD: "قضاء", COP: "شرطة", OPP: "معارضة",
    REB: "متمردون", BUS: "أعمال", MED: "إعلام", CVL: "مدنيون", NGO: "منظمة غير حكومية",
  };
  const KINDS = { state: "دولة", place: "مكان", organisation: "منظمة", person: "شخص", group: "جماعة" };
  // Organisations are not named by /api/actors (only states are).
  const ORGS = {
    UNO: "الأمم المتحدة", WHO: "منظمة الصحة العالمية", IAEA: "الوكالة الدولية للطاقة الذرية",
    IMF: "صندوق النقد الدولي", WBK: "البنك الدولي", WTO: "منظمة التجارة العالمية",
    ICC: "المحكمة الجنائية الدولية", ICJ: "محكمة العدل الدولية", G20: "مجموعة العشرين", G7: "مجموعة السبع",
    BRICS: "بريكس", ARL: "جامعة الدول العربية", AFU: "الاتحاد الأفريقي", EUR: "الاتحاد الأوروبي",
    NATO: "حلف شمال الأطلسي", GCC: "مجلس التعاون الخليجي", OIC: "منظمة التعاون الإسلامي",
    OPEC: "أوبك", AMU: "اتحاد المغرب العربي", INTERPOL: "الإنتربول", ICRC: "الصليب الأحمر",
  };
  const FONT = getComputedStyle(document.documentElement).getPropertyValue("--font").trim() || "sans-serif";

  // ───────────────────────── small helpers ─────────────────────────

  const $ = (sel, root = document) => root.querySelector(sel);

  // el builds an element: attributes (on* are listeners) and children
  // (strings become text nodes).
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (k === "class") e.className = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  const en = (text) => el("span", { lang: "en", dir: "ltr" }, text);

  class APIError extends Error {
    constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  }

  async function api(path, opts = {}) {
    const res = await fetch(path, { headers: { Accept: "application/json", ...(opts.headers || {}) }, ...opts });
    let body = null;
    try { body = await res.json(); } catch { /* not JSON */ }
    if (!res.ok) {
      const e = body && body.error;
      throw new APIError(res.status, e ? e.code : "http", e ? e.message : `HTTP ${res.status}`);
    }
    return body;
  }

  function notify(err) {
    const n = $("#notice");
    if (!err) { n.hidden = true; n.textContent = ""; return; }
    n.textContent = "تعذّر ذلك: " + (err.message || String(err));
    n.hidden = false;
    if (!(err instanceof APIError)) console.error(err);
  }

  const numFmt = new Intl.NumberFormat("en-US");
  const fmtNum = (n) => numFmt.format(n);
  const dateFmt = new Intl.DateTimeFormat("ar-u-nu-latn", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const monthFmt = new Intl.DateTimeFormat("ar-u-nu-latn", { month: "long", year: "numeric", timeZone: "UTC" });
  function longDate(d) {
    if (!d) return "بلا تاريخ";
    if (/^\d{4}$/.test(d)) return d;
    if (/^\d{4}-\d{2}$/.test(d)) return monthFmt.format(new Date(d + "-01T00:00:00Z"));
    const t = new Date(d.length === 10 ? d + "T00:00:00Z" : d);
    return isNaN(t) ? d : dateFmt.format(t);
  }
  const shortDay = (published) => (published || "").slice(0, 10);

  // ───────────────────────── names of actors ─────────────────────────

  const names = new Map(); // code → {ar, en}
  const nameOf = (code) => (names.get(code) && names.get(code).ar) || ORGS[code] || code || "؟";
  const englishOf = (code) => (names.get(code) && names.get(code).en) || "";

  function actorCell(code, role, text) {
    const label = nameOf(code);
    const sub = [code, role && role !== "GOV" ? role : ""].filter(Boolean).join(" · ");
    return el("span", { class: "actor", title: text || englishOf(code) || code },
      el("b", {}, label), el("small", {}, sub));
  }
  const rootName = (root) => (ROOTS[root] ? ROOTS[root][0] : root);

  function codeChip(e) {
    const r = ROOTS[e.root];
    return el("span", { class: "code-chip q" + e.quad_class, title: (r ? r[1] : "") + (e.plover ? " · " + e.plover : "") },
      el("span", { class: "num" }, e.code), rootName(e.root));
  }
  function goldstein(g) {
    const cls = g > 0 ? "pos" : g < 0 ? "neg" : "zero";
    return el("span", { class: "gs " + cls, title: "Goldstein" }, (g > 0 ? "+" : "") + (Math.round(g * 10) / 10));
  }
  function truncate(s, n) {
    const chars = Array.from(s || "");
    return chars.length > n ? chars.slice(0, n).join("") + "…" : chars.join("");
  }

  // eventRow is one row of an events table; rows of stored events link to
  // the event.
  function eventRow(e) {
    const ev = truncate((e.evidence && e.evidence.text) || "", 170);
    const flags = [];
    if (e.historical) flags.push(el("span", { class: "flag" }, "تاريخي"));
    if (e.symmetric) flags.push(el("span", { class: "flag", title: "symmetric" }, "متبادل"));
    return el("tr", {},
      el("td", { class: "date" }, el("bdi", { dir: "ltr" }, e.date || "—")),
      el("td", {}, actorCell(e.source, e.source_role, e.source_text)),
      el("td", {}, codeChip(e), flags),
      el("td", {}, actorCell(e.target, e.target_role, e.target_text)),
      el("td", {}, goldstein(e.goldstein)),
      el("td", { class: "evidence" }, e.id ? el("a", { href: "#event/" + e.id }, ev) : ev));
  }
  function fillEvents(tbody, events, emptyText) {
    tbody.replaceChildren(...(events.length ? events.map(eventRow)
      : [el("tr", {}, el("td", { colspan: 6, class: "empty" }, emptyText || "لا أحداث"))]));
  }

  // ───────────────── byte offsets → JavaScript string indices ─────────────────
  // The API's offsets count UTF-8 bytes; JavaScript strings index UTF-16
  // code units. byteIndexer walks the text once and maps every byte offset
  // at a code point boundary to its string index (an offset inside a code
  // point moves on to the next boundary).
  function byteIndexer(text) {
    const enc = new TextEncoder();
    const total = enc.encode(text).length;
    const at = new Int32Array(total + 1).fill(-1);
    let b = 0;
    let i = 0;
    for (const ch of text) { // by code point
      at[b] = i;
      const cp = ch.codePointAt(0);
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += ch.length; // 2 for a surrogate pair
    }
    at[total] = text.length;
    return (offset) => {
      let o = Math.max(0, Math.min(total, offset | 0));
      while (at[o] < 0) o++;
      return at[o];
    };
  }

  // renderMarked fills container with text, wrapping outer spans (evidence
  // sentences: {start, end, cls, id}) in <mark> and, inside and between
  // them, the actor mentions. Offsets are UTF-8 bytes. Overlapping spans of
  // one kind are dropped, the earlier (or, for outer spans, the first
  // given) kept.
  function renderMarked(container, text, outer, mentions) {
    const idx = byteIndexer(text);
    const conv = (s) => ({ ...s, a: idx(s.start), b: idx(s.end) });
    const keep = (spans, byOrder) => {
      const sorted = spans.map(conv).filter((s) => s.b > s.a);
      if (!byOrder) sorted.sort((x, y) => x.a - y.a || (y.b - y.a) - (x.b - x.a));
      const kept = [];
      for (const s of sorted) {
        if (kept.every((k) => s.b <= k.a || s.a >= k.b)) kept.push(s);
      }
      return kept.sort((x, y) => x.a - y.a);
    };
    const outs = keep(outer || [], true);
    const ments = keep(mentions || [], false);
    const frag = document.createDocumentFragment();
    // inner renders [a, b) of text with the mentions clipped to it.
    const inner = (a, b, into) => {
      let at = a;
      for (const m of ments) {
        if (m.b <= a || m.a >= b) continue;
        const ma = Math.max(m.a, a), mb = Math.min(m.b, b);
        if (ma > at) into.append(text.slice(at, ma));
        into.append(el("mark", {
          class: "mention k-" + (m.kind || "state"),
          title: [nameOf(m.code), m.code, ROLES[m.role] || m.role, KINDS[m.kind] || m.kind].filter(Boolean).join(" · "),
        }, text.slice(ma, mb)));
        at = mb;
      }
      if (b > at) into.append(text.slice(at, b));
    };
    let at = 0;
    for (const o of outs) {
      inner(at, o.a, frag);
      const m = el("mark", { class: o.cls, id: o.id, "data-event": o.event });
      inner(o.a, o.b, m);
      frag.append(m);
      at = o.b;
    }
    inner(at, text.length, frag);
    container.replaceChildren(frag);
  }

  // ───────────────────────── views and routing ─────────────────────────

  const views = ["overview", "events", "dyad", "network", "search", "event", "article", "code"];
  const tabOf = { event: "events", article: "search" };

  function parseHash() {
    const h = location.hash.replace(/^#/, "") || "overview";
    const cut = h.indexOf("?");
    const path = cut < 0 ? h : h.slice(0, cut);
    const decode = (p) => { try { return decodeURIComponent(p); } catch { return p; } };
    const parts = path.split("/").filter(Boolean).map(decode);
    return { view: parts[0], args: parts.slice(1), params: new URLSearchParams(cut < 0 ? "" : h.slice(cut + 1)) };
  }

  function show(view) {
    for (const v of views) $("#view-" + v).hidden = v !== view;
    const tab = tabOf[view] || view;
    for (const a of document.querySelectorAll(".tabs a")) {
      if (a.dataset.view === tab) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
  }

  // go shows h, also when it is already the address (a form sent again).
  function go(h) {
    if (location.hash === h) route();
    else location.hash = h;
  }

  let routeSeq = 0;
  async function route() {
    const { view, args, params } = parseHash();
    const v = views.includes(view) ? view : "overview";
    const seq = ++routeSeq;
    notify(null);
    show(v);
    try {
      await ready;
      if (seq !== routeSeq) return;
      switch (v) {
        case "overview": await loadOverview(); break;
        case "events": await loadEvents(params); break;
        case "dyad": await loadDyad(args[0], args[1], params.get("interval")); break;
        case "network": await loadNetwork(params); break;
        case "search": await loadSearch(params.get("q") || ""); break;
        case "event": await loadEvent(args[0]); break;
        case "article": await loadArticle(args.join("/")); break;
        case "code": initCode(); break;
      }
    } catch (err) {
      if (seq === routeSeq) notify(err);
    }
  }

  // ───────────────────────── start: stats and actors ─────────────────────────

  let stats = null;
  let actors = [];
  const ready = (async () => {
    const [s, a] = await Promise.all([api("api/stats"), api("api/actors?limit=1000")]);
    stats = s;
    actors = a.actors;
    for (const x of actors) names.set(x.code, { ar: x.name || "", en: x.name_en || "" });
    $("#stat-articles").textContent = fmtNum(s.articles);
    $("#stat-events").textContent = fmtNum(s.events);
    $("#stat-sources").textContent = fmtNum(s.sources);
    fillSelects();
  })();

  function fillSelects() {
    const opts = () => actors.map((x) =>
      el("option", { value: x.code }, `${nameOf(x.code)} (${x.code}) · ${x.events}`));
    for (const s of document.querySelectorAll(".actor-select")) {
      const first = s.options[0];
      s.replaceChildren(first, ...opts());
    }
    $("#f-root").append(...Object.entries(ROOTS).map(([r, [ar, e]]) => el("option", { value: r }, `${r} ${ar} — ${e}`)));
    $("#f-quad").append(...Object.entries(QUADS).map(([q, [ar, e]]) => el("option", { value: q }, `${ar} — ${e}`)));
  }

  // ───────────────────────── charts ─────────────────────────

  const charts = {};
  function chart(id) {
    const node = document.getElementById(id);
    if (!window.echarts) throw new Error("ECharts did not load");
    let c = charts[id];
    if (!c || c.isDisposed()) c = charts[id] = echarts.init(node, null, { renderer: "canvas", locale: "EN" });
    // Hidden when first drawn: take the size it has now.
    requestAnimationFrame(() => c.resize());
    return c;
  }
  window.addEventListener("resize", () => { for (const c of Object.values(charts)) c.resize(); });
  const baseText = { fontFamily: FONT, color: "#1c2430" };

  // ───────────────────────── overview ─────────────────────────

  // recentMonths returns the corpus's own period: at most n months up to
  // the last one with events, every month present (zero when it has
  // none), going back until a gap of more than two empty months — so the
  // years that historical events reach back to are left out.
  function recentMonths(months, n) {
    if (!months.length) return [];
    const counts = new Map(months.map((m) => [m.period, m.events]));
    const last = months[months.length - 1].period;
    let first = last;
    let empty = 0;
    for (let p = last, k = 0; k < n; p = shiftMonth(p, -1), k++) {
      if (counts.get(p)) { first = p; empty = 0; } else if (++empty > 2) break;
    }
    const out = [];
    for (let p = first; p <= last; p = shiftMonth(p, 1)) out.push({ period: p, events: counts.get(p) || 0 });
    return out;
  }
  function shiftMonth(period, k) {
    const [y, m] = period.split("-").map(Number);
    const d = new Date(Date.UTC(y, m - 1 + k, 1));
    return d.toISOString().slice(0, 7);
  }

  async function loadOverview() {
    const s = stats;
    const months = recentMonths(s.months, 24);
    chart("chart-months").setOption({
      aria: { enabled: true },
      textStyle: baseText,
      grid: { left: 16, right: 48, top: 16, bottom: 32, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", inverse: true, data: months.map((m) => monthFmt.format(new Date(m.period + "-01T00:00:00Z"))), axisLabel: { fontFamily: FONT } },
      yAxis: { type: "value", position: "right", minInterval: 1 },
      series: [{ type: "bar", name: "أحداث", data: months.map((m) => m.events), itemStyle: { color: "#0f4c5c", borderRadius: [4, 4, 0, 0] }, barMaxWidth: 36 }],
    });
    const roots = s.roots;
    const quadOf = (r) => (+r <= 5 ? 1 : +r <= 8 ? 2 : +r <= 13 ? 3 : 4);
    chart("chart-roots").setOption({
      aria: { enabled: true },
      textStyle: baseText,
      grid: { left: 40, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      yAxis: { type: "category", inverse: true, position: "right", data: roots.map((r) => `${rootName(r.root)} ${r.root}`), axisLabel: { fontFamily: FONT, fontSize: 11 } },
      xAxis: { type: "value", inverse: true, minInterval: 1 },
      series: [{
        type: "bar", name: "أحداث", barMaxWidth: 14,
        data: roots.map((r) => ({ value: r.events, itemStyle: { color: QUADS[quadOf(r.root)][2], borderRadius: 3 } })),
      }],
    });
    const dy = $("#top-dyads");
    const maxD = Math.max(1, ...s.top_dyads.map((d) => d.events));
    dy.replaceChildren(...s.top_dyads.map((d) => el("li", {},
      el("a", { href: `#dyad/${d.source}/${d.target}` }, `${nameOf(d.source)} ← ${nameOf(d.target)}`),
      el("span", { class: "bar" }, el("span", { style: `width:${(100 * d.events / maxD).toFixed(1)}%` })),
      goldstein(d.goldstein),
      el("span", { class: "n" }, d.events))));
    const ta = $("#top-actors");
    const top = actors.slice(0, 10);
    const maxA = Math.max(1, ...top.map((a) => a.events));
    ta.replaceChildren(...top.map((a) => el("li", {},
      el("a", { href: `#events?either=${a.code}` }, nameOf(a.code)),
      el("span", { class: "bar" }, el("span", { style: `width:${(100 * a.events / maxA).toFixed(1)}%` })),
      el("span", { class: "n" }, a.events))));
  }

  // ───────────────────────── events ─────────────────────────

  const FILTERS = ["source", "target", "either", "root", "quad", "from", "to", "q"];
  const pages = { key: "", cursors: [""], at: 0 };

  async function loadEvents(params) {
    const form = $("#event-filters");
    for (const k of FILTERS) if (form.elements[k]) form.elements[k].value = params.get(k) || "";
    const q = new URLSearchParams();
    for (const k of FILTERS) if (params.get(k)) q.set(k, params.get(k));
    const key = q.toString();
    if (pages.key !== key) { pages.key = key; pages.cursors = [""]; pages.at = 0; }
    const tbody = $("#events-table tbody");
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 6, class: "loading" }, "جارٍ التحميل")));
    q.set("limit", "25");
    if (pages.cursors[pages.at]) q.set("cursor", pages.cursors[pages.at]);
    const page = await api("api/events?" + q);
    fillEvents(tbody, page.events, "لا أحداث تطابق هذه المعايير");
    pages.cursors[pages.at + 1] = page.next;
    $("#events-prev").disabled = pages.at === 0;
    $("#events-next").disabled = !page.next;
    const first = pages.at * 25 + 1;
    $("#events-status").textContent = page.events.length
      ? `الصفحة ${pages.at + 1} · الأحداث ${first}–${first + page.events.length - 1}` : "";
  }

  function eventsHash(form) {
    const q = new URLSearchParams();
    for (const k of FILTERS) {
      const v = form.elements[k] ? form.elements[k].value : parseHash().params.get(k);
      if (v) q.set(k, v);
    }
    return "#events" + (q.toString() ? "?" + q : "");
  }

  $("#event-filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    pages.key = null;
    go(eventsHash(ev.target));
  });
  $("#event-filters").addEventListener("reset", () => { setTimeout(() => { location.hash = "#events"; }); });
  $("#events-next").addEventListener("click", () => { pages.at++; route(); });
  $("#events-prev").addEventListener("click", () => { pages.at = Math.max(0, pages.at - 1); route(); });

  // ───────────────────────── dyad ─────────────────────────

  async function loadDyad(a, b, interval) {
    const form = $("#dyad-form");
    interval = ["day", "week", "month"].includes(interval) ? interval : "month";
    form.elements.a.value = a || "";
    form.elements.b.value = b || "";
    form.elements.interval.value = interval;
    const has = Boolean(a && b);
    $("#dyad-body").hidden = !has;
    $("#dyad-hint").hidden = has;
    if (!has) return;
    $("#dyad-title").replaceChildren(`${nameOf(a)} ⇄ ${nameOf(b)} `, en(`${a} – ${b}`));
    const [tl, ab, ba] = await Promise.all([
      api(`api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline?interval=${interval}`),
      api(`api/events?source=${encodeURIComponent(a)}&target=${encodeURIComponent(b)}&limit=200`),
      a === b ? { events: [] } : api(`api/events?source=${encodeURIComponent(b)}&target=${encodeURIComponent(a)}&limit=200`),
    ]);
    const events = ab.events.concat(ba.events)
      .sort((x, y) => (y.date || "").localeCompare(x.date || "") || y.id - x.id);
    const coop = events.filter((e) => e.quad_class === 1 || e.quad_class === 2).length;
    const conf = events.filter((e) => e.quad_class >= 3).length;
    const sum = events.reduce((s, e) => s + e.goldstein, 0);
    $("#dyad-summary").textContent = `${events.length} حدثاً · ${coop} تعاون · ${conf} صراع · مجموع غولدشتاين ${(Math.round(sum * 10) / 10)}`;
    drawDyad(tl);
    fillEvents($("#dyad-events tbody"), events, "لا أحداث بين الطرفين");
  }

  // signed writes a number with its sign so that right-to-left text
  // keeps the minus on the left (a left-to-right mark leads).
  const signed = (v) => "\u200E" + (v > 0 ? "+" : "") + (Math.round(v * 10) / 10);
  const escapeHTML = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  // alignedAxes gives value axes [positive extent, negative extent,
  // integer ticks] the same number of ticks above and below zero, so that
  // their zeros line up, with round intervals.
  function alignedAxes(axes) {
    const n = 5;
    const frac = Math.max(...axes.map(([p, q]) => (p + q > 0 ? q / (p + q) : 0)));
    const below = frac === 0 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * frac)));
    const above = n - below;
    return axes.map(([p, q, whole]) => {
      let step = Math.max(p / above, below ? q / below : 0);
      step = niceCeil(step || 1);
      if (whole) step = Math.max(1, Math.ceil(step));
      return { min: -below * step, max: above * step, interval: step };
    });
  }
  function niceCeil(x) {
    const e = Math.pow(10, Math.floor(Math.log10(x)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= x - 1e-9) return m * e;
    return 10 * e;
  }

  function periodLabel(p, interval) {
    if (interval === "month") return monthFmt.format(new Date(p + "T00:00:00Z"));
    return p;
  }

  function drawDyad(tl) {
    const pts = tl.points;
    const labels = pts.map((p) => periodLabel(p.period, tl.interval));
    const series = [1, 2, 3, 4].map((q) => ({
      name: QUADS[q][0],
      type: "bar",
      stack: q <= 2 ? "coop" : "conf",
      barMaxWidth: 34,
      itemStyle: { color: QUADS[q][2] },
      emphasis: { focus: "series" },
      // Conflict grows downwards.
      data: pts.map((p) => (q <= 2 ? p.quad[q - 1] : -p.quad[q - 1])),
    }));
    series.push({
      name: "مجموع غولدشتاين", type: "line", yAxisIndex: 1, symbolSize: 7,
      lineStyle: { width: 3, color: "#2c3e80" }, itemStyle: { color: "#2c3e80" },
      data: pts.map((p) => Math.round(p.goldstein * 10) / 10),
    });
    // Both value axes put zero at the same height: as many ticks below
    // zero (conflict, negative Goldstein) on each.
    const coopMax = Math.max(0, ...pts.map((p) => p.quad[0] + p.quad[1]));
    const confMax = Math.max(0, ...pts.map((p) => p.quad[2] + p.quad[3]));
    const gPos = Math.max(0, ...pts.map((p) => p.goldstein));
    const gNeg = Math.max(0, ...pts.map((p) => -p.goldstein));
    const [countAxis, goldAxis] = alignedAxes([[coopMax, confMax, true], [gPos, gNeg, false]]);
    const c = chart("chart-dyad");
    c.setOption({
      aria: { enabled: true },
      textStyle: baseText,
      legend: { top: 0, left: "center", textStyle: { fontFamily: FONT } },
      grid: { left: 16, right: 16, top: 64, bottom: 24, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        textStyle: { fontFamily: FONT },
        // Conflict counts are drawn below zero but are counts.
        formatter: (items) => {
          const rows = items.map((it) => {
            const v = it.seriesType === "line" ? signed(it.value) : String(Math.abs(it.value));
            return `${it.marker}${escapeHTML(it.seriesName)}: <b>${v}</b>`;
          });
          return `<div dir="rtl">${escapeHTML(items.length ? items[0].axisValueLabel : "")}<br>${rows.join("<br>")}</div>`;
        },
      },
      xAxis: { type: "category", inverse: true, data: labels, axisLabel: { fontFamily: FONT } },
      yAxis: [
        { type: "value", position: "right", name: "أحداث", ...countAxis, axisLabel: { formatter: (v) => String(Math.abs(v)) }, nameTextStyle: { fontFamily: FONT } },
        { type: "value", position: "left", name: "غولدشتاين", ...goldAxis, splitLine: { show: false }, axisLabel: { formatter: signed }, nameTextStyle: { fontFamily: FONT } },
      ],
      series,
    }, true);
  }

  $("#dyad-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = ev.target.elements;
    if (!f.a.value || !f.b.value) return;
    go(`#dyad/${f.a.value}/${f.b.value}?interval=${f.interval.value}`);
  });
  $("#d-swap").addEventListener("click", () => {
    const f = $("#dyad-form").elements;
    [f.a.value, f.b.value] = [f.b.value, f.a.value];
    if (f.a.value && f.b.value) $("#dyad-form").requestSubmit();
  });

  // ───────────────────────── network ─────────────────────────

  let cy = null;
  // goldColour maps a mean Goldstein weight (−10…10) onto red–grey–green.
  function goldColour(g) {
    const t = Math.max(-1, Math.min(1, g / 6));
    const mix = (a, b, u) => Math.round(a + (b - a) * u);
    const grey = [185, 185, 185], red = [209, 67, 67], green = [31, 138, 99];
    const to = t < 0 ? red : green;
    const u = Math.abs(t);
    return `rgb(${mix(grey[0], to[0], u)},${mix(grey[1], to[1], u)},${mix(grey[2], to[2], u)})`;
  }

  async function loadNetwork(params) {
    const form = $("#network-form");
    form.elements.from.value = params.get("from") || "";
    form.elements.to.value = params.get("to") || "";
    const q = new URLSearchParams();
    if (params.get("from")) q.set("from", params.get("from"));
    if (params.get("to")) q.set("to", params.get("to"));
    const net = await api("api/network" + (q.toString() ? "?" + q : ""));
    if (!window.cytoscape) throw new Error("Cytoscape did not load");
    const maxE = Math.max(1, ...net.edges.map((e) => e.events));
    const maxN = Math.max(1, ...net.nodes.map((n) => n.events));
    const elements = [
      ...net.nodes.map((n) => {
        if (n.name) names.set(n.code, { ar: n.name, en: n.name_en || "" });
        return { data: { id: n.code, label: n.name || nameOf(n.code), size: 22 + 38 * Math.sqrt(n.events / maxN), colour: goldColour(n.goldstein) } };
      }),
      ...net.edges.map((e) => ({
        data: {
          id: `${e.source}>${e.target}`, source: e.source, target: e.target, events: e.events, goldstein: e.goldstein,
          width: 1.5 + 9 * Math.sqrt(e.events / maxE), colour: goldColour(e.goldstein),
        },
      })),
    ];
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $("#network-graph"),
      elements,
      wheelSensitivity: 0.3,
      minZoom: 0.3,
      maxZoom: 3,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", "border-width": 2, "border-color": "#fff",
          width: "data(size)", height: "data(size)", label: "data(label)",
          "font-family": FONT, "font-size": 14, "font-weight": 600, color: "#1c2430", "min-zoomed-font-size": 7,
          "text-valign": "bottom", "text-margin-y": 4, "text-outline-color": "#fff", "text-outline-width": 3,
        } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "arrow-scale": 0.9, "curve-style": "bezier", opacity: 0.85,
        } },
        { selector: ".faded", style: { opacity: 0.12 } },
        { selector: "edge:selected, edge.hover", style: { opacity: 1, "underlay-color": "#c9983a", "underlay-padding": 3, "underlay-opacity": 0.5 } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 90000, idealEdgeLength: () => 110, padding: 30 },
    });
    spread(cy, $("#network-graph"));
    cy.on("tap", "edge", (evt) => {
      const d = evt.target.data();
      location.hash = `#dyad/${d.source}/${d.target}`;
    });
    cy.on("tap", "node", (evt) => { location.hash = `#events?either=${evt.target.id()}`; });
    cy.on("mouseover", "node", (evt) => {
      const n = evt.target;
      cy.elements().addClass("faded");
      n.closedNeighborhood().removeClass("faded");
    });
    cy.on("mouseout", "node", () => cy.elements().removeClass("faded"));
    cy.on("mouseover", "edge", (evt) => {
      const d = evt.target.data();
      evt.target.addClass("hover");
      $("#network-graph").title = `${nameOf(d.source)} ← ${nameOf(d.target)}: ${d.events} · غولدشتاين ${Math.round(d.goldstein * 10) / 10}`;
    });
    cy.on("mouseout", "edge", (evt) => { evt.target.removeClass("hover"); $("#network-graph").title = ""; });
  }

  // spread stretches a force-directed layout, which comes out about as
  // wide as high, to the shape of its (wide) container, and fits it.
  function spread(cy, box) {
    const bb = cy.nodes().boundingBox();
    if (!bb.w || !bb.h) return;
    const want = box.clientWidth / Math.max(1, box.clientHeight);
    const k = Math.min(2.4, want / (bb.w / bb.h));
    if (k > 1.15) {
      const cx = bb.x1 + bb.w / 2;
      cy.nodes().positions((n) => ({ x: cx + (n.position("x") - cx) * k, y: n.position("y") }));
    }
    cy.fit(undefined, 30);
  }

  $("#network-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = ev.target.elements;
    const q = new URLSearchParams();
    if (f.from.value) q.set("from", f.from.value);
    if (f.to.value) q.set("to", f.to.value);
    go("#network" + (q.toString() ? "?" + q : ""));
  });

  // ───────────────────────── search ─────────────────────────

  async function loadSearch(query) {
    $("#search-q").value = query;
    const list = $("#search-results");
    const status = $("#search-status");
    if (!query.trim()) { list.replaceChildren(); status.textContent = "اكتب كلمات في مربع البحث أعلاه."; return; }
    status.textContent = "جارٍ البحث…";
    const res = await api("api/articles?limit=50&q=" + encodeURIComponent(query));
    status.textContent = res.hits.length
      ? `${res.hits.length} نتيجة لـ«${query}»` : `لا نتائج لـ«${query}»`;
    list.replaceChildren(...res.hits.map((h) => {
      const snip = el("p", { class: "snippet" });
      renderHighlights(snip, h.snippet, h.highlights);
      return el("li", { class: "hit" },
        el("h2", {}, el("a", { href: "#article/" + encodeURIComponent(h.id) }, h.title || h.id)),
        el("div", { class: "meta" }, [h.source, longDate(shortDay(h.published))].filter(Boolean).join(" · ")),
        snip);
    }));
  }

  // renderHighlights writes text with spans (UTF-8 byte offsets) in <mark>.
  function renderHighlights(node, text, spans) {
    const idx = byteIndexer(text);
    let at = 0;
    const parts = [];
    for (const s of spans || []) {
      const a = idx(s.start), b = idx(s.end);
      if (a < at || b <= a) continue;
      parts.push(text.slice(at, a), el("mark", {}, text.slice(a, b)));
      at = b;
    }
    parts.push(text.slice(at));
    node.replaceChildren(...parts);
  }

  $("#search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = $("#search-q").value.trim();
    if (q) go("#search?q=" + encodeURIComponent(q));
  });

  // ───────────────────────── event and article ─────────────────────────

  function articleMeta(a) {
    const parts = [a.source, longDate(shortDay(a.published))];
    if (a.num_sources > 1) parts.push(`نقلته ${a.num_sources} مصادر`);
    return parts.filter(Boolean).join(" · ");
  }

  function siblingItem(e, current) {
    return el("li", {}, el("a", { href: "#event/" + e.id, "aria-current": e.id === current ? "true" : null },
      el("span", { class: "line" }, el("span", {}, `${nameOf(e.source)} ← ${nameOf(e.target)}`), codeChip(e)),
      el("span", { class: "ev" }, (e.evidence && e.evidence.text) || "")));
  }

  async function loadEvent(id) {
    const d = await api("api/events/" + encodeURIComponent(id));
    const e = d.event;
    const a = d.article;
    const facts = [
      ["التاريخ", longDate(e.date) + (e.date_precision && e.date_precision !== "day" ? ` (${e.date_precision})` : "")],
      ["الرمز", `${e.code} · ${rootName(e.root)}`],
      ["الصنف", QUADS[e.quad_class] ? QUADS[e.quad_class][0] : "—"],
      ["غولدشتاين", String(e.goldstein)],
      ["PLOVER", e.plover || "—"],
      ["الثقة", Math.round((e.confidence || 0) * 100) + "%"],
    ];
    if (e.historical) facts.push(["", "حدث تاريخي"]);
    if (e.symmetric) facts.push(["", "متبادل"]);
    $("#event-head").replaceChildren(el("div", { class: "event-head q" + e.quad_class },
      el("div", { class: "side source" },
        el("span", { class: "who" }, nameOf(e.source)),
        el("span", { class: "how" }, [e.source_text, e.source_role && (ROLES[e.source_role] || e.source_role)].filter(Boolean).join(" · "))),
      el("div", { class: "act" },
        el("div", { class: "verb" }, rootName(e.root)),
        el("div", { class: "arrow", "aria-hidden": "true" }, e.symmetric ? "⇄" : "←"),
        el("div", { class: "muted" }, en(e.code))),
      el("div", { class: "side target" },
        el("span", { class: "who" }, nameOf(e.target)),
        el("span", { class: "how" }, [e.target_text, e.target_role && (ROLES[e.target_role] || e.target_role)].filter(Boolean).join(" · "))),
      el("div", { class: "facts" }, facts.map(([k, v]) => el("span", {}, k ? k + ": " : "", el("b", {}, v))))));
    $("#event-article-title").replaceChildren(el("a", { href: "#article/" + encodeURIComponent(a.id) }, a.title || a.id));
    $("#event-article-meta").textContent = articleMeta(a);
    const outer = [{ start: e.evidence.start, end: e.evidence.end, cls: "evidence", id: "evidence", event: e.id }];
    for (const o of a.events) {
      if (o.id !== e.id) outer.push({ start: o.evidence.start, end: o.evidence.end, cls: "evidence other", event: o.id });
    }
    renderMarked($("#event-text"), a.text, outer, a.mentions);
    $("#event-siblings").replaceChildren(...a.events.map((o) => siblingItem(o, e.id)));
    const mark = $("#evidence");
    if (mark) mark.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
    document.title = `${nameOf(e.source)} ← ${nameOf(e.target)} · ${rootName(e.root)} · راصد`;
  }

  async function loadArticle(id) {
    const a = await api("api/articles/" + encodeURIComponent(id));
    $("#h-article").textContent = a.title || a.id;
    $("#article-meta").textContent = articleMeta(a);
    const outer = a.events.map((o) => ({ start: o.evidence.start, end: o.evidence.end, cls: "evidence other", event: o.id }));
    renderMarked($("#article-text"), a.text, outer, a.mentions);
    $("#article-events").replaceChildren(...(a.events.length ? a.events.map((o) => siblingItem(o, null))
      : [el("li", { class: "muted" }, "لم يُرمَّز حدث من هذا المقال.")]));
  }

  // A click on another event's sentence opens that event.
  for (const id of ["#event-text", "#article-text"]) {
    $(id).addEventListener("click", (ev) => {
      const m = ev.target.closest("mark.evidence.other[data-event]");
      if (m) location.hash = "#event/" + m.dataset.event;
    });
  }

  // ───────────────────────── code a text ─────────────────────────

  function initCode() {
    const d = $("#code-published");
    if (!d.value) d.value = new Date().toISOString().slice(0, 10);
  }

  $("#code-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("#code-text").value;
    const published = $("#code-published").value;
    const out = $("#code-out");
    const btn = ev.target.querySelector("button[type=submit]");
    btn.disabled = true;
    out.replaceChildren(el("p", { class: "loading" }, "جارٍ الترميز"));
    try {
      notify(null);
      const res = await api("api/code", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(published ? { text, published } : { text }),
      });
      const tbody = el("tbody");
      fillEvents(tbody, res.events, "لم يُعثر على حدث في هذا النص");
      const marked = el("div", { class: "article-text" });
      renderMarked(marked, text, res.events.map((e) => ({ start: e.evidence.start, end: e.evidence.end, cls: "evidence" })), res.actors);
      out.replaceChildren(
        el("article", { class: "card flush coded" },
          el("h2", { class: "pad" }, `${res.events.length} حدث · ${res.actors.length} ذكر لفاعلين `, en("events · actor mentions")),
          el("div", { class: "pad" }, marked),
          el("div", { class: "table-wrap" }, el("table", { class: "events", id: "code-events" },
            el("thead", {}, el("tr", {}, ["التاريخ", "المصدر", "الحدث", "الهدف", "غولدشتاين", "الدليل"].map((h) => el("th", { scope: "col" }, h)))),
            tbody))));
      out.scrollIntoView({ block: "start", behavior: "smooth" });
    } catch (err) {
      out.replaceChildren();
      notify(err);
    } finally {
      btn.disabled = false;
    }
  });

  // ───────────────────────── go ─────────────────────────

  window.addEventListener("hashchange", route);
  ready.catch(notify);
  route();
})();
