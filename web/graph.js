// The actor graph: actors are nodes (area by their number of events), events
// are directed edges (width by count, colour by mean Goldstein score) and
// relations between states are dashed undirected edges. The layout is a small
// deterministic force simulation (Fruchterman–Reingold) run once in JS.

import { apiGet } from './api.js';
import { errorBox, fill, filterPanel, h, link, loading, s, setTitle } from './dom.js';
import {
  actorName, GOLDSTEIN_STEPS, goldsteinStep, RELATION_COLORS, RELATIONS,
} from './labels.js';

const FILTERS = ['actor', 'country', 'root', 'modality', 'from', 'to'];
const MAX_NODES = 150;
const ITERATIONS = 300;
const EDGE_LENGTH = 120; // the distance the forces settle two linked actors at
const LABEL_BOX = { w: 120, h: 44 }; // room kept around a node for its labels

function radius(events) {
  return Math.min(24, 6 + 2.6 * Math.sqrt(Math.max(0, events)));
}

/** Force layout of one connected component; positions around (0, 0). */
function forceLayout(members, links) {
  const n = members.length;
  if (n === 1) return [{ x: 0, y: 0 }];
  const k = EDGE_LENGTH;
  const local = new Map(members.map((m, i) => [m, i]));
  const own = links.filter((l) => local.has(l.a)).map((l) => ({ a: local.get(l.a), b: local.get(l.b), w: l.w }));
  // Start on a circle (deterministic: same data, same picture).
  const r0 = (k * Math.sqrt(n)) / 2;
  const pos = members.map((_, i) => ({
    x: r0 * Math.cos((2 * Math.PI * i) / n), y: r0 * Math.sin((2 * Math.PI * i) / n),
  }));
  const disp = pos.map(() => ({ x: 0, y: 0 }));
  let temp = k;
  for (let it = 0; it < ITERATIONS; it++) {
    for (const d of disp) d.x = d.y = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x;
        let dy = pos[i].y - pos[j].y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = 0.1 * (i - j);
          dy = 0.1;
          d2 = dx * dx + dy * dy;
        }
        const f = (k * k) / d2; // repulsion k²/d along the unit vector dx/d
        disp[i].x += dx * f; disp[i].y += dy * f;
        disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
    }
    for (const l of own) {
      const dx = pos[l.a].x - pos[l.b].x;
      const dy = pos[l.a].y - pos[l.b].y;
      const d = Math.max(0.1, Math.hypot(dx, dy));
      const f = (d / k) * l.w; // attraction d²/k along the unit vector
      disp[l.a].x -= dx * f; disp[l.a].y -= dy * f;
      disp[l.b].x += dx * f; disp[l.b].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      disp[i].x -= pos[i].x * 0.02; // a little gravity keeps the component round
      disp[i].y -= pos[i].y * 0.02;
      const len = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      const step = Math.min(len, temp);
      pos[i].x += (disp[i].x / len) * step;
      pos[i].y += (disp[i].y / len) * step;
    }
    temp = Math.max(0.5, temp * 0.97);
  }
  return pos;
}

/**
 * Positions for all nodes: each connected component is laid out on its own,
 * then the components are packed in rows from the right (largest first), so
 * actors without links do not push the others into a corner.
 * Returns {pos, width, height}: the drawing is `width` wide or wider.
 */
function layout(nodes, links, width) {
  const n = nodes.length;
  const parent = nodes.map((_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const l of links) parent[find(l.a)] = find(l.b);
  const groups = new Map();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r).push(i);
  }
  const comps = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]).map((members) => {
    let p = forceLayout(members, links);
    const spanX = Math.max(...p.map((q) => q.x)) - Math.min(...p.map((q) => q.x));
    const spanY = Math.max(...p.map((q) => q.y)) - Math.min(...p.map((q) => q.y));
    // A wide component stands upright on a narrow screen; a tall one lies
    // down where the screen has room for it (the page stays short).
    const tooWide = spanX + LABEL_BOX.w > width && spanY < spanX;
    const tooTall = spanY > 1.3 * spanX && spanY + LABEL_BOX.w <= width;
    if (tooWide || tooTall) p = p.map((q) => ({ x: q.y, y: q.x }));
    const xs = p.map((q) => q.x);
    const ys = p.map((q) => q.y);
    const x0 = Math.min(...xs) - LABEL_BOX.w / 2;
    const y0 = Math.min(...ys) - 30;
    return {
      members, p, x0, y0,
      w: Math.max(...xs) - Math.min(...xs) + LABEL_BOX.w,
      h: Math.max(...ys) - Math.min(...ys) + 30 + LABEL_BOX.h,
    };
  });
  const pos = new Array(n);
  const gap = 16;
  // A component wider than the screen is drawn closer (down to 60 %), and
  // past that widens the drawing (its box scrolls) rather than being squeezed
  // until labels overlap.
  const full = Math.max(width, ...comps.map((c) => Math.ceil(c.w * 0.6) + 2 * gap));
  let x = full - gap; // right edge of the next box
  let y = gap;
  let rowH = 0;
  for (const c of comps) {
    c.scale = Math.max(0.6, Math.min(1, (width - 2 * gap) / c.w));
    const w = c.w * c.scale;
    const hgt = c.h * c.scale;
    if (x - w < gap && rowH > 0) {
      x = full - gap;
      y += rowH + gap;
      rowH = 0;
    }
    const left = x - w;
    c.members.forEach((m, i) => {
      pos[m] = { x: left + (c.p[i].x - c.x0) * c.scale, y: y + (c.p[i].y - c.y0) * c.scale };
    });
    x = left - gap;
    rowH = Math.max(rowH, hgt);
  }
  return { pos, width: full, height: Math.ceil(y + rowH + gap) };
}

function defs() {
  return s('defs', null, GOLDSTEIN_STEPS.map((st, i) => s('marker', {
    id: `arrow-${i}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
    markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse',
  }, s('path', { d: 'M0,0 L10,5 L0,10 z', fill: st.color }))));
}

function edgePath(p, q, rp, rq) {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const d = Math.max(1, Math.hypot(dx, dy));
  // Bend to the left of the direction, so A→B and B→A do not overlap.
  const c = { x: (p.x + q.x) / 2 - (dy / d) * d * 0.15, y: (p.y + q.y) / 2 + (dx / d) * d * 0.15 };
  const toward = (from, to, r) => {
    const ex = to.x - from.x;
    const ey = to.y - from.y;
    const l = Math.max(1, Math.hypot(ex, ey));
    return { x: from.x + (ex / l) * r, y: from.y + (ey / l) * r };
  };
  const a = toward(p, c, rp + 1);
  const b = toward(q, c, rq + 3);
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
}

function drawGraph(data, params, minWidth) {
  const nodeMap = new Map();
  for (const nd of Array.isArray(data.nodes) ? data.nodes : []) {
    if (nd && typeof nd.id === 'string') nodeMap.set(nd.id, { id: nd.id, country: nd.country, events: Number(nd.events) || 0 });
  }
  const edges = (Array.isArray(data.edges) ? data.edges : [])
    .filter((e) => e && typeof e.source === 'string' && typeof e.target === 'string');
  for (const e of edges) {
    for (const id of [e.source, e.target]) {
      if (!nodeMap.has(id)) nodeMap.set(id, { id, country: id.slice(0, 3), events: 0 });
    }
  }
  const all = [...nodeMap.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
  const nodes = all.slice(0, MAX_NODES);
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const shown = edges.filter((e) => index.has(e.source) && index.has(e.target));
  const pairs = new Map();
  for (const e of shown) {
    if (e.source === e.target) continue;
    const key = [index.get(e.source), index.get(e.target)].sort((x, y) => x - y).join(',');
    pairs.set(key, (pairs.get(key) || 0) + (Number(e.count) || 1));
  }
  const links = [...pairs.entries()].map(([key, c]) => {
    const [a, b] = key.split(',').map(Number);
    return { a, b, w: Math.min(2, 0.6 + 0.3 * Math.log2(1 + c)) };
  });
  const { pos, width: W, height: H } = layout(nodes, links, minWidth);
  const svg = s('svg', {
    class: 'graph-chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
    'aria-label': 'شبكة الفاعلين: العُقد فاعلون والأسهم أحداث بينهم',
  }, defs());
  const gEdges = s('g', { class: 'edges' });
  const gNodes = s('g', { class: 'nodes' });
  for (const e of shown) {
    const i = index.get(e.source);
    const j = index.get(e.target);
    const count = Number(e.count) || 1;
    const p = pos[i];
    const q = pos[j];
    const rp = radius(nodes[i].events);
    const rq = radius(nodes[j].events);
    if (e.kind === 'event') {
      const g = Number(e.goldstein);
      const step = goldsteinStep(g);
      const width = Math.min(10, 1 + 1.5 * Math.sqrt(count));
      const d = i === j
        ? `M${p.x - rp * 0.7},${p.y - rp * 0.7} C${p.x - rp * 3},${p.y - rp * 4} ${p.x + rp * 3},${p.y - rp * 4} ${p.x + rp * 0.7},${p.y - rp * 0.7}`
        : edgePath(p, q, rp, rq);
      gEdges.append(s('path', {
        class: 'edge event', d, stroke: GOLDSTEIN_STEPS[step].color, 'stroke-width': width, fill: 'none',
        'marker-end': `url(#arrow-${step})`, dataset: { source: e.source, target: e.target, count },
      }, s('title', null, `${e.source} → ${e.target}\nعدد الأحداث: ${count}\nمتوسط غولدستين: ${Number.isFinite(g) ? g.toFixed(1) : '—'}`)));
    } else {
      const color = RELATION_COLORS[e.kind] || '#777';
      gEdges.append(s('line', {
        class: 'edge relation', x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: color,
        'stroke-width': Math.min(6, 1.5 + count * 0.5), 'stroke-dasharray': '6 4', dataset: { kind: e.kind },
      }, s('title', null, `${RELATIONS[e.kind] || e.kind}: ${e.source} — ${e.target} (${count})`)));
    }
  }
  nodes.forEach((nd, i) => {
    const p = pos[i];
    const r = radius(nd.events);
    const name = actorName(nd.id);
    const keep = Object.fromEntries(FILTERS.filter((k) => k !== 'actor').map((k) => [k, params[k]]));
    gNodes.append(s('a', {
      href: link('events', { ...keep, actor: nd.id }), class: 'node', dataset: { id: nd.id },
      'aria-label': `${name || nd.id}: عرض أحداثه`,
    },
    s('title', null, `${name ? `${name}\n` : ''}${nd.id}\nعدد الأحداث: ${nd.events}\nانقر لعرض أحداثه`),
    s('circle', { cx: p.x, cy: p.y, r }),
    s('text', { x: p.x, y: p.y + r + 13, class: 'label', 'text-anchor': 'middle' }, name || nd.id),
    name ? s('text', { x: p.x, y: p.y + r + 25, class: 'label code', 'text-anchor': 'middle', direction: 'ltr' }, nd.id) : null));
  });
  svg.append(gEdges, gNodes);
  return { svg, shownNodes: nodes.length, totalNodes: all.length, shownEdges: shown.length };
}

function legend() {
  const line = (color, dashed, label, arrow) => h('li', null,
    s('svg', { width: 40, height: 12, 'aria-hidden': 'true' },
      s('line', {
        x1: 2, y1: 6, x2: 36, y2: 6, stroke: color, 'stroke-width': 3,
        'stroke-dasharray': dashed ? '6 4' : null, 'marker-end': arrow ? `url(#${arrow})` : null,
      })),
    ' ', label);
  return h('div', { class: 'legend graph-legend' },
    h('div', null, h('strong', null, 'الأحداث (أسهم من الفاعل إلى الهدف، السُّمك بعدد الأحداث، اللون بمتوسط مقياس غولدستين):'),
      h('ul', null, GOLDSTEIN_STEPS.map((st) => line(st.color, false, st.label)))),
    h('div', null, h('strong', null, 'العلاقات بين الدول (خطوط متقطعة):'),
      h('ul', null, Object.entries(RELATIONS).map(([k, name]) => line(RELATION_COLORS[k], true, name)))),
    h('p', null, 'مساحة الدائرة بعدد أحداث الفاعل. انقر فاعلاً لعرض أحداثه في الجدول.'));
}

export async function renderGraph(main, route, alive) {
  const p = route.params;
  setTitle('شبكة الفاعلين');
  const out = h('div', { class: 'chart-area', 'aria-live': 'polite' }, loading());
  fill(main, h('h1', null, 'شبكة الفاعلين'), filterPanel('graph', p, FILTERS, apiGet), out);
  const query = {};
  for (const k of FILTERS) query[k] = p[k];
  let data;
  try {
    data = await apiGet('/api/graph', query);
  } catch (e) {
    if (alive()) fill(out, errorBox(e, 'شبكة الفاعلين'));
    return;
  }
  if (!alive()) return;
  if (!Array.isArray(data.nodes) || (!data.nodes.length && !(data.edges || []).length)) {
    fill(out, h('p', { class: 'count' }, 'لا يوجد فاعلون يطابقون المرشّحات.'));
    return;
  }
  const W = Math.max(340, Math.min(1400, (out.clientWidth || 960) - 24));
  const g = drawGraph(data, p, W);
  fill(out,
    h('p', { class: 'count' }, `الفاعلون: ${g.totalNodes}، الروابط: ${g.shownEdges}`,
      g.shownNodes < g.totalNodes ? ` (يظهر الأكثر نشاطاً فقط: ${g.shownNodes})` : ''),
    h('div', { class: 'chart-scroll' }, g.svg),
    legend());
  const box = g.svg.parentElement;
  if (box.scrollWidth > box.clientWidth) box.scrollLeft = -(box.scrollWidth - box.clientWidth) / 2;
}
