// dateline dashboard: two countries and a period -> timeline, event types, partners, events.
// Plain ES module, no framework. Charts are Vega-Lite specs rendered by the vendored
// vega-embed; Vega evaluates expressions with the vendored interpreter (no eval, so the
// page runs under a strict Content-Security-Policy). Text from the API is always put into
// the page as text nodes, never as HTML.
import { expressionInterpreter } from "./vendor/vega-interpreter/vega-interpreter.js";

const QUADS = [
  { key: "verbal_coop", label: "Verbal cooperation", color: "#6baed6" },
  { key: "material_coop", label: "Material cooperation", color: "#1f5fa8" },
  { key: "verbal_conflict", label: "Verbal conflict", color: "#f2a65a" },
  { key: "material_conflict", label: "Material conflict", color: "#b2282d" },
];
const QUAD_SCALE = {
  domain: QUADS.map((q) => q.label),
  range: QUADS.map((q) => q.color),
};
const PAGE_SIZE = 50;
const TOP_N = 12;
const BAR_STEP = 22; // pixels per bar in the horizontal bar charts
// A timeline of fewer periods is padded with empty ones on both sides, so that one busy
// month is drawn as a bar in its context, not as a slab across the whole chart.
const MIN_PERIODS = 9;
// Automatic period: monthly, unless the events span more months than fit as readable
// bars (then yearly) or so few that weeks show more (then weekly).
const AUTO_MAX_MONTHS = 48;
const AUTO_WEEKLY_MONTHS = 3;
// How much of a date is known, by date_precision: "2018-11-01" dated to the month is
// shown as "2018-11".
const PRECISION_CHARS = { day: 10, month: 7, year: 4 };
const PRECISION_WORDS = { month: "dated to the month", year: "dated to the year" };

const $ = (id) => document.getElementById(id);
const form = $("controls");
const selA = $("country-a");
const selB = $("country-b");
const status = $("status");
const tbody = document.querySelector("#events tbody");

let countryNames = new Map();
let nextCursor = null;
let loadToken = 0; // a newer selection makes answers to older requests stale

const embedOptions = {
  actions: { export: true, source: false, compiled: false, editor: false },
  renderer: "svg",
  ast: true,
  expr: expressionInterpreter,
};

// --- small helpers -----------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function say(message, isError = false) {
  status.textContent = message;
  status.classList.toggle("error", isError);
}

async function api(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "" && v !== false) url.searchParams.set(k, v);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => `${d.loc.slice(1).join(".")}: ${d.msg}`).join("; ")
      : body.detail || response.statusText;
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return body;
}

function countryLabel(code) {
  const name = countryNames.get(code);
  return name ? `${name} (${code})` : code;
}

function actorLabel(name, code, text, country = null) {
  if (name && code) return `${name} (${code})`;
  // An actor known only by its code (TJKMIL) is named by its country.
  if (code && countryNames.get(country)) return `${countryNames.get(country)} (${code})`;
  return name || code || text || "—";
}

const fmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

function count(n, noun, plural = `${noun}s`) {
  return `${n} ${n === 1 ? noun : plural}`;
}

function selection() {
  return {
    a: selA.value,
    b: selB.value,
    start: $("start").value || null,
    end: $("end").value || null,
    by: $("by").value,
    directed: $("directed").checked,
  };
}

// --- URL state: the view is shareable as a link ------------------------------------

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  return Object.fromEntries(params.entries());
}

function writeHash(sel) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(sel)) {
    if (v && v !== "auto") params.set(k, v === true ? "1" : v);
  }
  history.replaceState(null, "", `#${params.toString()}`);
}

// --- charts ------------------------------------------------------------------------

function shownDate(date, precision) {
  if (!date) return "undated";
  return date.slice(0, PRECISION_CHARS[precision] || 10);
}

// The first day of the period after (step 1) or before (step -1) an ISO date.
function stepPeriod(iso, by, step) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (by === "day") d.setUTCDate(d.getUTCDate() + step);
  else if (by === "week") d.setUTCDate(d.getUTCDate() + 7 * step);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + step);
  else d.setUTCFullYear(d.getUTCFullYear() + step);
  return d.toISOString().slice(0, 10);
}

function padPeriods(periods, by) {
  const out = periods.slice();
  const empty = (period) => ({ period, events: 0, goldstein_mean: null, ...Object.fromEntries(QUADS.map((q) => [q.key, 0])) });
  while (out.length && out.length < MIN_PERIODS) {
    out.unshift(empty(stepPeriod(out[0].period, by, -1)));
    if (out.length < MIN_PERIODS) out.push(empty(stepPeriod(out[out.length - 1].period, by, 1)));
  }
  return out;
}

function timeUnit(by) {
  return { day: "utcyearmonthdate", week: "utcyearmonthdate", month: "utcyearmonth", year: "utcyear" }[by];
}

async function draw(target, spec) {
  const node = $(target);
  node.classList.remove("empty");
  node.replaceChildren();
  return vegaEmbed(node, spec, embedOptions);
}

function emptyChart(target, message) {
  const node = $(target);
  node.replaceChildren(el("p", { text: message }));
  node.classList.add("empty");
}

function timelineSpec(data, sel) {
  const bars = [];
  for (const p of data.periods) {
    for (const q of QUADS) {
      bars.push({ period: p.period, quad: q.label, count: p[q.key] });
    }
  }
  // Periods without events keep a null score, so the line breaks there instead of
  // drawing a trend through months nobody reported on.
  const line = data.periods.map((p) => ({
    period: p.period,
    goldstein: p.goldstein_mean,
    events: p.events,
  }));
  const unit = timeUnit(sel.by);
  // One band per period (the panel is complete, zeros included, so bands are evenly
  // spaced in time): a bar is as wide as its period, whatever the period.
  const x = {
    field: "period",
    type: "ordinal",
    timeUnit: unit,
    title: null,
    axis: { labelOverlap: "greedy", labelAngle: 0 },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `Events between ${countryLabel(sel.a)} and ${countryLabel(sel.b)} per ${sel.by}, stacked by quad class, with the mean Goldstein score.`,
    width: "container",
    height: 260,
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", tooltip: true, width: { band: 0.8 } },
        encoding: {
          x,
          y: {
            field: "count",
            type: "quantitative",
            aggregate: "sum",
            stack: "zero",
            title: "Events",
            axis: { tickMinStep: 1, format: "d" },
          },
          color: { field: "quad", type: "nominal", scale: QUAD_SCALE, sort: QUAD_SCALE.domain, title: "Quad class" },
          order: { field: "quad", sort: "ascending" },
          tooltip: [
            { field: "period", type: "temporal", timeUnit: unit, title: sel.by },
            { field: "quad", title: "Quad class" },
            { field: "count", aggregate: "sum", title: "Events" },
          ],
        },
      },
      {
        data: { values: line },
        mark: {
          type: "line",
          color: "#1c2430",
          strokeWidth: 2,
          invalid: "break-paths-show-domains",
          point: { filled: true, size: 40, color: "#1c2430" },
        },
        encoding: {
          x: { ...x, bandPosition: 0.5 },
          y: { field: "goldstein", type: "quantitative", scale: { domain: [-10, 10] }, title: "Mean Goldstein" },
          tooltip: [
            { field: "period", type: "temporal", timeUnit: unit, title: sel.by },
            { field: "goldstein", format: ".2f", title: "Mean Goldstein" },
            { field: "events", title: "Events" },
          ],
        },
      },
    ],
    resolve: { scale: { y: "independent" } },
    config: { legend: { orient: "bottom" }, axis: { labelFontSize: 11, titleFontSize: 12 } },
  };
}

function typesSpec(types) {
  const values = types.slice(0, TOP_N).map((t) => ({
    type: `${t.cameo_code} ${t.cameo_name || ""}`.trim(),
    events: t.events,
    quad: QUADS[(t.quad_class || 1) - 1].label,
    goldstein: t.goldstein,
  }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Events by CAMEO event type, most frequent first.",
    width: "container",
    height: BAR_STEP * values.length,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "type", type: "nominal", sort: "-x", title: null, axis: { labelLimit: 260 } },
      x: { field: "events", type: "quantitative", title: "Events", axis: { tickMinStep: 1, format: "d" } },
      color: { field: "quad", type: "nominal", scale: QUAD_SCALE, legend: null },
      tooltip: [
        { field: "type", title: "Event type" },
        { field: "events", title: "Events" },
        { field: "goldstein", format: ".1f", title: "Goldstein" },
      ],
    },
  };
}

function partnersSpec(partners) {
  const values = [];
  for (const p of partners) {
    for (const q of QUADS) {
      values.push({ country: countryLabel(p.country), code: p.country, quad: q.label, count: p[q.key] });
    }
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Countries with the most events with the chosen country, by quad class.",
    width: "container",
    height: BAR_STEP * partners.length,
    data: { values },
    mark: { type: "bar", tooltip: true, cursor: "pointer" },
    encoding: {
      y: { field: "country", type: "nominal", sort: "-x", title: null },
      x: {
        field: "count",
        type: "quantitative",
        aggregate: "sum",
        stack: "zero",
        title: "Events",
        axis: { tickMinStep: 1, format: "d" },
      },
      color: { field: "quad", type: "nominal", scale: QUAD_SCALE, sort: QUAD_SCALE.domain, legend: null },
      order: { field: "quad", sort: "ascending" },
      detail: { field: "code" },
      tooltip: [
        { field: "country", title: "Partner" },
        { field: "quad", title: "Quad class" },
        { field: "count", aggregate: "sum", title: "Events" },
      ],
    },
  };
}

// --- loading the views -------------------------------------------------------------

async function timeseries(sel, by) {
  return api(`dyads/${sel.a}/${sel.b}/timeseries`, {
    by, start: sel.start, end: sel.end, directed: sel.directed,
  });
}

async function loadTimeline(sel, token) {
  const range = { start: sel.start, end: sel.end, directed: sel.directed };
  const [first, types] = await Promise.all([
    timeseries(sel, sel.by === "auto" ? "month" : sel.by),
    api(`dyads/${sel.a}/${sel.b}/event-types`, range),
  ]);
  let data = first;
  let by = sel.by;
  if (by === "auto") {
    const months = first.periods.length;
    by = months > AUTO_MAX_MONTHS ? "year" : months && months <= AUTO_WEEKLY_MONTHS ? "week" : "month";
    if (by !== "month") data = await timeseries(sel, by);
  }
  if (token !== loadToken) return;
  const total = data.periods.reduce((n, p) => n + p.events, 0);
  const all = types.types.reduce((n, t) => n + t.events, 0);
  const unplaced = all > total
    ? ` ${count(all - total, "more event")} undated or dated less precisely than a ${by} (not on the chart).`
    : "";
  $("timeline-sub").textContent =
    `${countryLabel(sel.a)} ${sel.directed ? "→" : "↔"} ${countryLabel(sel.b)} · per ${by}${sel.by === "auto" ? " (automatic)" : ""}`;
  if (!total) {
    emptyChart("timeline", "No events between these countries placed on this timeline.");
    $("timeline-summary").textContent = unplaced.trim();
    return;
  }
  const periods = padPeriods(data.periods, by);
  await draw("timeline", timelineSpec({ ...data, periods }, { ...sel, by }));
  const coop = data.periods.reduce((n, p) => n + p.verbal_coop + p.material_coop, 0);
  const gsum = data.periods.reduce((n, p) => n + p.goldstein_sum, 0);
  $("timeline-summary").textContent =
    `${count(total, "event")} over ${count(data.periods.length, by)}: ${coop} cooperative, ${total - coop} conflictual; mean Goldstein ${fmt.format(gsum / total)}.${unplaced}`;
}

async function loadTypes(sel, token) {
  const data = await api(`dyads/${sel.a}/${sel.b}/event-types`, {
    start: sel.start, end: sel.end, directed: sel.directed,
  });
  if (token !== loadToken) return;
  if (!data.types.length) {
    emptyChart("types", "No events.");
    $("types-summary").textContent = "";
    return;
  }
  await draw("types", typesSpec(data.types));
  const top = data.types[0];
  $("types-summary").textContent =
    `${count(data.types.length, "event type")}; most frequent: ${top.cameo_code} ${top.cameo_name || ""} (${top.events}).`;
}

async function loadPartners(sel, token) {
  const code = $("partners-of").value === "b" ? sel.b : sel.a;
  let data;
  try {
    data = await api(`actors/${code}/partners`, { start: sel.start, end: sel.end, limit: TOP_N });
  } catch (error) {
    if (error.status !== 404) throw error;
    data = { partner_countries: [] };
  }
  if (token !== loadToken) return;
  const partners = data.partner_countries;
  if (!partners.length) {
    emptyChart("partners", `No partners of ${countryLabel(code)} in this period.`);
    $("partners-summary").textContent = "";
    return;
  }
  const result = await draw("partners", partnersSpec(partners));
  result.view.addEventListener("click", (_event, item) => {
    const partner = item && item.datum && item.datum.code;
    if (partner && countryNames.has(partner) && partner !== selA.value) {
      selB.value = partner;
      refresh();
    }
  });
  $("partners-summary").textContent =
    `${countryLabel(code)}: ${count(partners.length, "partner")}; most events with ${countryLabel(partners[0].country)} (${partners[0].events}).`;
}

function eventRow(ev) {
  const quad = ev.quad_class || 0;
  const name = `${ev.cameo_code} ${ev.cameo_name || ""}`.trim();
  const button = el(
    "button",
    { type: "button", class: "event-link", "aria-describedby": "detail-title" },
    el("span", { class: `quad quad-${quad}`, "aria-hidden": "true" }),
    name,
  );
  const row = el(
    "tr",
    { "data-event-id": ev.event_id, "aria-selected": "false" },
    el(
      "td",
      { class: ev.date_precision === "day" ? "date" : "date imprecise", title: PRECISION_WORDS[ev.date_precision] || (ev.date ? null : "no date known") },
      shownDate(ev.date, ev.date_precision),
    ),
    el("td", {}, actorLabel(ev.source_name, ev.source_code, ev.source_text, ev.source_country)),
    el("td", { class: "event" }, button),
    el("td", {}, actorLabel(ev.target_name, ev.target_code, ev.target_text, ev.target_country)),
    el("td", { class: "num" }, ev.num_mentions),
  );
  row.title = ev.sentence || "";
  row.addEventListener("click", () => showEvent(ev.event_id, row));
  return row;
}

async function loadEvents(sel, token, append = false) {
  const data = await api("events", {
    dyad: `${sel.a},${sel.b}`,
    directed: sel.directed,
    start: sel.start,
    end: sel.end,
    limit: PAGE_SIZE,
    cursor: append ? nextCursor : null,
  });
  if (token !== loadToken) return;
  if (!append) tbody.replaceChildren();
  for (const ev of data.items) tbody.append(eventRow(ev));
  nextCursor = data.next_cursor;
  $("more").hidden = !nextCursor;
  const shown = tbody.rows.length;
  $("events-caption").textContent = shown
    ? `${shown}${nextCursor ? "+" : ""} ${shown === 1 && !nextCursor ? "event" : "events"} between ${countryLabel(sel.a)} and ${countryLabel(sel.b)}, oldest first. Select one to see its evidence.`
    : "No events between these countries in this period.";
}

// --- evidence ----------------------------------------------------------------------

function highlighted(sentence, highlights) {
  // Non-overlapping spans in sentence order; an overlapping span is left unmarked.
  const spans = highlights
    .filter((h) => h.in_sentence)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const quote = el("blockquote");
  let pos = 0;
  for (const h of spans) {
    if (h.start < pos) continue;
    quote.append(document.createTextNode(sentence.slice(pos, h.start)));
    const label = h.role === "trigger" ? "event" : h.role;
    quote.append(
      el("mark", { class: `hl hl-${h.role}`, "data-role": h.role },
        el("span", { class: "sr-only" }, `${label}: `),
        sentence.slice(h.start, h.end)),
    );
    pos = h.end;
  }
  quote.append(document.createTextNode(sentence.slice(pos)));
  return quote;
}

async function showEvent(eventId, row) {
  for (const r of tbody.rows) r.setAttribute("aria-selected", r === row ? "true" : "false");
  const body = $("detail-body");
  $("detail-hint").hidden = true;
  body.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  let data;
  try {
    data = await api(`events/${encodeURIComponent(eventId)}`);
  } catch (error) {
    body.replaceChildren(el("p", { class: "status error" }, error.message));
    return;
  }
  const e = data.event;
  const facts = el("dl");
  const fact = (k, v) => facts.append(el("dt", {}, k), el("dd", {}, v ?? "—"));
  fact("Date", e.date ? `${shownDate(e.date, e.date_precision)} (${e.date_precision})` : "undated");
  fact("Source", actorLabel(e.source_name, e.source_code, e.source_text, e.source_country));
  fact("Event", `${e.cameo_code} ${e.cameo_name || ""} · PLOVER ${e.plover_event || "—"}`);
  fact("Target", actorLabel(e.target_name, e.target_code, e.target_text, e.target_country));
  fact("Goldstein", e.goldstein === null ? "—" : fmt.format(e.goldstein));
  fact(
    "Reports",
    `${e.num_mentions} in ${count(e.num_articles, "article")} from ${count(e.num_sources, "source")}`,
  );
  const mentions = data.mentions.map((m) => {
    const meta = el("p", { class: "meta" },
      [m.outlet || "unknown outlet", m.published || m.date || ""].filter(Boolean).join(" · "));
    if (m.url && /^https?:\/\//i.test(m.url)) {
      meta.append(" · ", el("a", { href: m.url, rel: "noopener noreferrer", target: "_blank" }, m.title || "article"));
    } else if (m.title) {
      meta.append(` · ${m.title}`);
    }
    // Actors resolved by coreference may be named in another sentence of the article.
    const elsewhere = (m.highlights || [])
      .filter((h) => !h.in_sentence && h.role !== "trigger")
      .map((h) => el("p", { class: "elsewhere" }, `${h.role} named elsewhere in the article: “${h.text}”`));
    return el("div", { class: "mention" }, meta, highlighted(m.sentence || "", m.highlights || []), ...elsewhere);
  });
  body.replaceChildren(facts, ...mentions);
}

// --- wiring ------------------------------------------------------------------------

async function refresh() {
  const sel = selection();
  if (!sel.a || !sel.b) {
    say("Choose two countries.");
    return;
  }
  if (sel.start && sel.end && sel.start > sel.end) {
    say("The start date is after the end date.", true);
    return;
  }
  writeHash(sel);
  const token = ++loadToken;
  nextCursor = null;
  $("detail-body").replaceChildren();
  $("detail-hint").hidden = false;
  say(`Loading ${countryLabel(sel.a)} and ${countryLabel(sel.b)}…`);
  const results = await Promise.allSettled([
    loadTimeline(sel, token),
    loadTypes(sel, token),
    loadPartners(sel, token),
    loadEvents(sel, token),
  ]);
  if (token !== loadToken) return;
  const failed = results.filter((r) => r.status === "rejected");
  if (failed.length) {
    const messages = [...new Set(failed.map((r) => r.reason.message))];
    say(messages.join(" "), true);
    if (failed.some((r) => r.reason.status === 404)) {
      for (const id of ["timeline", "types"]) emptyChart(id, "No events.");
      tbody.replaceChildren();
      $("events-caption").textContent = "No events between these countries.";
    }
  } else {
    say(`Showing ${countryLabel(sel.a)} and ${countryLabel(sel.b)}.`);
  }
  document.body.dataset.loaded = String(token);
}

async function init() {
  let countries = [];
  try {
    countries = (await api("countries")).countries;
  } catch (error) {
    say(`Cannot reach the API: ${error.message}`, true);
    return;
  }
  countryNames = new Map(countries.map((c) => [c.code, c.name]));
  for (const sel of [selA, selB]) {
    sel.replaceChildren(el("option", { value: "" }, "Choose a country…"));
    for (const c of countries) {
      sel.append(el("option", { value: c.code }, `${countryLabel(c.code)} · ${count(c.events, "event")}`));
    }
  }
  if (!countries.length) {
    say("The event store has no events with countries yet: ingest some news first.");
    return;
  }
  const state = readHash();
  const codes = new Set(countries.map((c) => c.code));
  // First view: the pair of countries with the most events between them.
  let top = null;
  if (!codes.has(state.a) || !codes.has(state.b)) {
    top = (await api("dyads", { limit: 1 }).catch(() => ({ dyads: [] }))).dyads[0] || null;
  }
  selA.value = codes.has(state.a) ? state.a : top ? top.a : countries[0].code;
  selB.value = codes.has(state.b) ? state.b : top ? top.b : (countries[1] || countries[0]).code;
  if (state.start) $("start").value = state.start;
  if (state.end) $("end").value = state.end;
  if (state.by) $("by").value = state.by;
  $("directed").checked = state.directed === "1";

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  for (const id of ["country-a", "country-b", "by", "directed", "start", "end"]) {
    $(id).addEventListener("change", () => refresh());
  }
  $("partners-of").addEventListener("change", () => {
    const token = loadToken;
    loadPartners(selection(), token).catch((error) => say(error.message, true));
  });
  $("more").addEventListener("click", () => {
    loadEvents(selection(), loadToken, true).catch((error) => say(error.message, true));
  });
  refresh();
}

init();
