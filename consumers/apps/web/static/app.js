// The stance map: the graph, its filters (kept in the URL), the evidence panel and the live feed.
// Every text from the data goes into the page with textContent, never as HTML.

const FILTERS = ["q", "window", "from", "to", "event", "sector", "outlet", "node"];
const COLOURS = { country: "#3b6fd4", organisation: "#e39b1b", person: "#8e44ad", other: "#7f8c8d" };
const STANCES = { cooperative: "#2a9d4b", hostile: "#d1342f", neutral: "#8a8f98" };
const SVG = "http://www.w3.org/2000/svg";

const form = document.getElementById("filters");
const positions = new Map(); // node id → position, kept while the node is filtered away
const seenAlerts = new Set();
let refreshTimer = null;
let selected = null; // the edge whose evidence is shown

const token = new URLSearchParams(location.search).get("token");

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function state() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""]));
}

function setState(changes) {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value); else params.delete(name);
  }
  history.pushState(null, "", `${location.pathname}?${params}`);
  load();
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value));
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await fetch(`${path}?${query}`, { headers });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

const cy = cytoscape({
  container: document.getElementById("graph"),
  wheelSensitivity: 0.3,
  textureOnViewport: true, // pan and zoom move a snapshot: thousands of edges stay fluid
  pixelRatio: 1,
  style: [
    { selector: "node", style: {
      "background-color": "data(colour)", label: "data(name)", width: "data(size)", height: "data(size)",
      "font-size": 14, "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": 8 } },
    { selector: "edge", style: {
      "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
      "curve-style": "bezier", width: "data(width)", opacity: 0.8 } },
    { selector: "edge.many", style: { "curve-style": "straight", "arrow-scale": 0.6 } },
    { selector: ":selected", style: { "overlay-opacity": 0.2, "overlay-color": "#1d232b" } },
  ],
});
window.stanceMap = { cy, positions, drawnAt: null };

function nodeData(node, most) {
  return { ...node, colour: COLOURS[node.kind] || COLOURS.other, size: 16 + 34 * Math.sqrt(node.count / most) };
}

function edgeData(edge) {
  return { ...edge, colour: STANCES[edge.stance] || STANCES.neutral, width: Math.min(10, 1.5 + 2 * Math.log2(edge.count)) };
}

// A new node goes beside the nodes it is linked to; one without placed neighbours goes on a ring outside.
function placeNew(node, edges, index) {
  const linked = edges.filter((e) => e.source === node.id || e.target === node.id)
    .map((e) => positions.get(e.source === node.id ? e.target : e.source)).filter(Boolean);
  const angle = index * 2.399963; // the golden angle: no two new nodes on one spot
  if (linked.length) {
    const x = linked.reduce((sum, p) => sum + p.x, 0) / linked.length;
    const y = linked.reduce((sum, p) => sum + p.y, 0) / linked.length;
    return { x: x + 60 * Math.cos(angle), y: y + 60 * Math.sin(angle) };
  }
  const box = cy.nodes().length ? cy.nodes().boundingBox() : { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
  const radius = Math.max(box.w, box.h) / 2 + 80 + 10 * index;
  return { x: (box.x1 + box.x2) / 2 + radius * Math.cos(angle), y: (box.y1 + box.y2) / 2 + radius * Math.sin(angle) };
}

function draw(data) {
  const mostNode = Math.max(1, ...data.nodes.map((n) => n.count));
  const wanted = new Set([...data.nodes.map((n) => n.id), ...data.edges.map((e) => e.id)]);
  const first = positions.size === 0;
  let fresh = 0;
  cy.batch(() => {
    cy.elements().filter((element) => !wanted.has(element.id())).remove();
    for (const node of data.nodes) {
      const existing = cy.getElementById(node.id);
      if (existing.nonempty()) { existing.data(nodeData(node, mostNode)); continue; }
      const position = positions.get(node.id) || (first ? { x: 0, y: 0 } : placeNew(node, data.edges, fresh++));
      positions.set(node.id, position);
      cy.add({ group: "nodes", data: nodeData(node, mostNode), position: { ...position } });
    }
    for (const edge of data.edges) {
      const existing = cy.getElementById(edge.id);
      if (existing.nonempty()) existing.data(edgeData(edge));
      else cy.add({ group: "edges", data: edgeData(edge) });
    }
  });
  cy.edges().toggleClass("many", cy.edges().length > 2000); // straight edges draw faster than curves
  if (first && data.nodes.length) firstLayout();
  else if (fresh && !inView(cy.nodes())) cy.fit(undefined, 30); // zoom out to new nodes; nothing moves
  window.stanceMap.drawnAt = performance.now();
  document.body.dataset.nodes = cy.nodes().length;
  document.body.dataset.edges = cy.edges().length;
}

function inView(nodes) {
  const view = cy.extent(), box = nodes.boundingBox();
  return box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
}

// Deterministic: the nodes start on a circle in id order, so one data set always gets one map.
function firstLayout() {
  cy.layout({ name: "circle", animate: false, sort: (a, b) => (a.id() < b.id() ? -1 : 1) }).run();
  if (cy.nodes().length <= 400) {
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 60000,
      idealEdgeLength: () => 110, nodeOverlap: 40, componentSpacing: 120 }).run();
  }
  cy.nodes().forEach((node) => positions.set(node.id(), { ...node.position() }));
  cy.fit(undefined, 30);
}

cy.on("dragfree", "node", (event) => positions.set(event.target.id(), { ...event.target.position() }));

function fillChoices(facets, current) {
  for (const [name, values] of [["event", facets.events], ["sector", facets.sectors], ["outlet", facets.outlets]]) {
    const select = form.elements[name];
    const chosen = current[name];
    select.replaceChildren(el("option", "any"), ...[...new Set([...values, chosen].filter(Boolean))].map((v) => el("option", v)));
    select.options[0].value = "";
    select.value = chosen;
  }
}

function showFilters(current) {
  for (const name of ["q", "window", "from", "to"]) form.elements[name].value = current[name] || (name === "window" ? "all" : "");
  form.classList.toggle("custom-window", current.window === "custom");
  const clear = document.getElementById("clear-node");
  clear.hidden = !current.node;
  clear.querySelector("span").textContent = current.node;
}

async function load() {
  const current = state();
  showFilters(current);
  try {
    const data = await api("/api/graph", current);
    fillChoices(data.facets, current);
    draw(data);
    document.getElementById("problem").textContent = "";
    if (selected) await showEdge(selected);
  } catch (error) {
    problem(error);
  }
}

function problem(error) {
  document.getElementById("problem").textContent = `cannot load: ${error.message}`;
}

function evidenceText(relation) {
  const p = el("p", undefined, "evidence");
  let at = 0;
  for (const [start, end] of relation.highlights) {
    p.append(relation.evidence.slice(at, start), el("mark", relation.evidence.slice(start, end)));
    at = end;
  }
  p.append(relation.evidence.slice(at));
  return p;
}

function relationItem(relation) {
  const item = el("li");
  const title = /^https?:\/\//.test(relation.url) ? el("a", relation.title || relation.url) : el("span", relation.title);
  if (title.tagName === "A") { title.href = relation.url; title.target = "_blank"; title.rel = "noopener noreferrer"; }
  const meta = [relation.outlet, new Date(relation.time).toLocaleString(), relation.event, ...relation.sectors];
  item.append(evidenceText(relation), title, el("div", meta.filter(Boolean).join(" · "), "meta"));
  return item;
}

async function showEdge(edge) {
  selected = edge;
  const current = state();
  const [relations, trend] = await Promise.all([
    api("/api/relations", { ...current, source: edge.source, target: edge.target, stance: edge.stance }),
    api("/api/trend", { a: edge.source, b: edge.target }),
  ]);
  const title = document.getElementById("detail-title");
  title.replaceChildren(`${edge.source_name} → ${edge.target_name}: `, el("span", edge.stance, `stance-${edge.stance}`),
    ` (${relations.length})`);
  document.getElementById("evidence").replaceChildren(...relations.map(relationItem));
  drawTrend(trend);
  document.getElementById("detail").hidden = false;
}

function drawTrend(trend) {
  const svg = document.getElementById("trend");
  const width = svg.clientWidth || 380, height = 90, days = trend.days;
  const most = Math.max(1, ...days.map((d) => Math.max(d.cooperative, d.hostile)));
  const step = Math.min(width / Math.max(days.length, 1), 40), bar = Math.max(1, step / 2 - 1);
  const shapes = [];
  days.forEach((day, i) => {
    if (trend.alerts.includes(day.day)) shapes.push(rect(i * step, 0, step, height, "alert"));
    const co = (height - 14) * day.cooperative / most, ho = (height - 14) * day.hostile / most;
    shapes.push(rect(i * step, height - 14 - co, bar, co, "cooperative"), rect(i * step + bar, height - 14 - ho, bar, ho, "hostile"));
    const tip = document.createElementNS(SVG, "title");
    tip.textContent = `${day.day}: ${day.cooperative} cooperative, ${day.hostile} hostile`;
    shapes[shapes.length - 1].append(tip);
  });
  const label = document.createElementNS(SVG, "text");
  label.setAttribute("x", 0); label.setAttribute("y", height - 2); label.setAttribute("font-size", 10);
  label.textContent = days.length ? `${days[0].day} … ${days[days.length - 1].day}` : "no days";
  svg.replaceChildren(...shapes, label);
}

function rect(x, y, width, height, className) {
  const shape = document.createElementNS(SVG, "rect");
  for (const [name, value] of Object.entries({ x, y, width, height })) shape.setAttribute(name, value);
  shape.setAttribute("class", className);
  return shape;
}

const tooltip = document.getElementById("tooltip");
cy.on("mouseover", "edge", (event) => {
  const edge = event.target.data();
  const source = cy.getElementById(edge.source).data("name"), target = cy.getElementById(edge.target).data("name");
  const events = Object.entries(edge.events).sort((a, b) => b[1] - a[1]).map(([type, n]) => `${type}: ${n}`);
  tooltip.textContent = [`${source} → ${target}: ${edge.stance}, ${edge.count}`, ...events].join("\n");
  tooltip.hidden = false;
});
cy.on("mousemove", (event) => {
  tooltip.style.left = `${event.originalEvent.clientX + 12}px`;
  tooltip.style.top = `${event.originalEvent.clientY + 12}px`;
});
cy.on("mouseout", "edge", () => { tooltip.hidden = true; });
cy.on("tap", "edge", (event) => {
  const edge = event.target.data();
  showEdge({ ...edge, source_name: cy.getElementById(edge.source).data("name"),
    target_name: cy.getElementById(edge.target).data("name") }).catch(problem);
});
cy.on("tap", "node", (event) => setState({ node: event.target.id() }));

function alertItem(alert) {
  const item = el("li");
  item.dataset.severity = alert.severity;
  item.append(el("span", alert.severity, `severity ${alert.severity}`), el("span", alert.summary),
    el("div", `${new Date(alert.time).toLocaleString()} · ${alert.entities.join(" ↔ ")}`, "meta"));
  if (alert.evidence) item.append(el("p", alert.evidence, "evidence"));
  return item;
}

function addAlerts(alerts) {
  const list = document.getElementById("alerts");
  for (const alert of alerts.slice().reverse()) { // oldest first, each prepended: newest ends on top
    if (seenAlerts.has(alert.event_id)) continue;
    seenAlerts.add(alert.event_id);
    list.prepend(alertItem(alert));
  }
}

function follow() {
  const stream = new EventSource(`/api/stream${token ? `?token=${encodeURIComponent(token)}` : ""}`);
  const status = document.getElementById("status");
  stream.addEventListener("ready", () => { document.body.dataset.live = "on"; status.textContent = "live"; });
  stream.addEventListener("stance", () => {
    if (refreshTimer) return; // events within 300 ms share one reload, and a steady stream still reloads
    refreshTimer = setTimeout(() => { refreshTimer = null; load(); }, 300);
  });
  stream.addEventListener("alert", (event) => addAlerts([JSON.parse(event.data)]));
  stream.onerror = () => { document.body.dataset.live = "off"; status.textContent = "reconnecting…"; };
}

form.addEventListener("change", (event) => {
  const name = event.target.name;
  if (name) setState({ [name]: event.target.value });
});
form.addEventListener("submit", (event) => event.preventDefault());
document.getElementById("clear-node").addEventListener("click", () => setState({ node: "" }));
window.addEventListener("popstate", load);

window.stanceMap.load = load;
load();
api("/api/alerts").then(addAlerts, () => {});
follow();
