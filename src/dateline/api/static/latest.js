// dateline dashboard: the latest coded events and when the database was last updated
// (GET /status), refreshed every minute so that a page left open follows the watcher.
// Text from the API goes into the page as text nodes only.
const REFRESH_MS = 60_000;

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  return td;
}

function when(value) {
  if (!value) return "never";
  const d = new Date(value.endsWith("Z") || value.length <= 10 ? value : `${value}Z`);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleString();
}

async function refresh() {
  let body;
  try {
    const resp = await fetch("status");
    if (!resp.ok) return;
    body = await resp.json();
  } catch {
    return; // the server is restarting: try again at the next refresh
  }
  document.getElementById("latest-updated").textContent =
    `Database last updated: ${when(body.last_updated)} · ${body.counts.articles} articles, ` +
    `${body.counts.events} events`;
  const cycle = body.last_cycle;
  const failing = body.sources.filter((s) => !s.healthy).length;
  document.getElementById("latest-watch").textContent = cycle
    ? `Last watch cycle: ${when(cycle.finished_at)}, ${cycle.new_articles} new articles; ` +
      `${body.sources.length} sources, ${failing} failing`
    : "";
  const tbody = document.querySelector("#latest tbody");
  tbody.replaceChildren(
    ...body.latest_events.map((e) => {
      const tr = document.createElement("tr");
      tr.append(
        cell(e.date),
        cell(e.source_name || e.source_code),
        cell(`${e.cameo_code} ${e.cameo_name ?? ""}`.trim()),
        cell(e.target_name || e.target_code),
      );
      return tr;
    }),
  );
}

refresh();
setInterval(refresh, REFRESH_MS);
