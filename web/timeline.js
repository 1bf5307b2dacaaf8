// The timeline view: events per day, stacked by CAMEO root, drawn in SVG.
// Time runs right to left like the page. When the dated days span more than
// three months the chart keeps only the days that have events (and says so),
// otherwise every day of the span gets its slot.

import { apiGet } from './api.js';
import { code, errorBox, fill, filterPanel, h, link, loading, s, setTitle } from './dom.js';
import { ROOTS, rootColor, rootName } from './labels.js';

const FILTERS = ['actor', 'country', 'root', 'modality', 'from', 'to'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CONTINUOUS_MAX_DAYS = 92;

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

function niceStep(max, ticks) {
  const raw = Math.max(1, max / ticks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * mag >= raw) return Math.max(1, m * mag);
  return 10 * mag;
}

/** {days: [{day, byRoot: Map, total}], compact} from the API's rows. */
function aggregate(rows) {
  const byDay = new Map();
  for (const r of rows) {
    if (!r || typeof r.day !== 'string' || !DAY.test(r.day)) continue;
    const n = Number(r.events) || 0;
    if (n <= 0) continue;
    if (!byDay.has(r.day)) byDay.set(r.day, new Map());
    const m = byDay.get(r.day);
    const root = typeof r.root === 'string' ? r.root : '??';
    m.set(root, (m.get(root) || 0) + n);
  }
  const sorted = [...byDay.keys()].sort();
  if (!sorted.length) return { days: [], compact: false };
  const span = daysBetween(sorted[0], sorted[sorted.length - 1]);
  const compact = span > CONTINUOUS_MAX_DAYS;
  const keys = compact ? sorted : Array.from({ length: span + 1 }, (_, i) => addDays(sorted[0], i));
  const days = keys.map((day) => {
    const byRoot = byDay.get(day) || new Map();
    let total = 0;
    for (const n of byRoot.values()) total += n;
    return { day, byRoot, total };
  });
  return { days, compact };
}

function chart(days, params, avail) {
  const n = days.length;
  const max = Math.max(1, ...days.map((d) => d.total));
  const step = niceStep(max, 5);
  const top = Math.ceil(max / step) * step;
  const margin = { top: 16, bottom: 86, left: 48, right: 44 };
  // Drawn at 1:1 in the width available; past 10 px a day the box scrolls.
  const slot = Math.max(10, Math.min(48, (avail - margin.left - margin.right) / n));
  const plotW = slot * n;
  const plotH = 260;
  const width = plotW + margin.left + margin.right;
  const height = plotH + margin.top + margin.bottom;
  const y = (v) => margin.top + plotH - (plotH * v) / top;
  // Right to left: the first (earliest) day sits next to the axis on the right.
  const x = (i) => margin.left + plotW - (i + 1) * slot;
  const svg = s('svg', {
    class: 'timeline-chart', viewBox: `0 0 ${width} ${height}`, width, height,
    role: 'img', 'aria-label': 'عدد الأحداث في كل يوم حسب جذر CAMEO',
  });
  const grid = s('g', { class: 'grid' });
  for (let v = 0; v <= top; v += step) {
    grid.append(
      s('line', { x1: margin.left, x2: margin.left + plotW, y1: y(v), y2: y(v) }),
      s('text', { x: margin.left + plotW + 6, y: y(v) + 4, 'text-anchor': 'start', class: 'tick' }, String(v)));
  }
  svg.append(grid);
  const labelEvery = Math.max(1, Math.ceil(16 / slot));
  const bars = s('g', { class: 'bars' });
  const labels = s('g', { class: 'xlabels' });
  const roots = Object.keys(ROOTS);
  days.forEach((d, i) => {
    const bx = x(i) + Math.max(1, slot * 0.12);
    const bw = Math.max(2, slot * 0.76);
    let acc = 0;
    const ordered = [...d.byRoot.entries()].sort((a, b) => roots.indexOf(a[0]) - roots.indexOf(b[0]));
    for (const [root, count] of ordered) {
      const y0 = y(acc);
      const y1 = y(acc + count);
      acc += count;
      const a = s('a', {
        href: link('events', { ...params, root, from: d.day, to: d.day }),
        'aria-label': `${d.day}: ${rootName(root) || root}: ${count}`,
      }, s('rect', {
        class: 'bar', x: bx, y: y1, width: bw, height: Math.max(1, y0 - y1), fill: rootColor(root),
        dataset: { day: d.day, root, events: count },
      }, s('title', null, `${d.day}\n${root} ${rootName(root) || ''}: ${count} (المجموع ${d.total})`)));
      bars.append(a);
    }
    if (i % labelEvery === 0) {
      const lx = x(i) + slot / 2;
      const ly = margin.top + plotH + 8;
      labels.append(s('text', {
        x: lx, y: ly, class: d.total ? 'xl' : 'xl empty', transform: `rotate(-60 ${lx} ${ly})`,
        'text-anchor': 'end', direction: 'ltr',
      }, d.day));
    }
  });
  svg.append(bars, labels,
    s('line', { class: 'axis', x1: margin.left, x2: margin.left + plotW, y1: y(0), y2: y(0) }),
    s('line', { class: 'axis', x1: margin.left + plotW, x2: margin.left + plotW, y1: margin.top, y2: y(0) }));
  return svg;
}

function legend(days, params) {
  const totals = new Map();
  for (const d of days) for (const [r, n] of d.byRoot) totals.set(r, (totals.get(r) || 0) + n);
  const roots = [...totals.keys()].sort();
  return h('ul', { class: 'legend timeline-legend', 'aria-label': 'مفتاح الألوان: جذور CAMEO' },
    roots.map((r) => {
      const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      sw.style.background = rootColor(r);
      return h('li', null, h('a', { href: link('timeline', { ...params, root: r }), title: 'اقتصر على هذا الجذر' },
        sw, code(r), ' ', rootName(r) || '', ' ', h('span', { class: 'n' }, `(${totals.get(r)})`)));
    }));
}

export async function renderTimeline(main, route, alive) {
  const p = route.params;
  setTitle('الخط الزمني');
  const out = h('div', { class: 'chart-area', 'aria-live': 'polite' }, loading());
  fill(main, h('h1', null, 'الخط الزمني للأحداث'), filterPanel('timeline', p, FILTERS, apiGet), out);
  const query = {};
  for (const k of FILTERS) query[k] = p[k];
  let data;
  try {
    data = await apiGet('/api/timeline', query);
  } catch (e) {
    if (alive()) fill(out, errorBox(e, 'الخط الزمني'));
    return;
  }
  if (!alive()) return;
  const { days, compact } = aggregate(Array.isArray(data.days) ? data.days : []);
  if (!days.length) {
    fill(out, h('p', { class: 'count' }, 'لا توجد أحداث مؤرّخة باليوم تطابق المرشّحات.'));
    return;
  }
  const total = days.reduce((a, d) => a + d.total, 0);
  const keep = Object.fromEntries(FILTERS.filter((k) => k !== 'from' && k !== 'to').map((k) => [k, p[k]]));
  fill(out,
    h('p', { class: 'count' },
      `الأحداث المؤرّخة باليوم: ${total}، من `, code(days[0].day), ' إلى ', code(days[days.length - 1].day), '.'),
    compact ? h('p', { class: 'hint' }, 'تمتد الفترة أكثر من ثلاثة أشهر، فلا يظهر إلا الأيام التي وقعت فيها أحداث. ضيّق الفترة بحقلَي التاريخ لرؤية كل الأيام.') : null,
    h('p', { class: 'hint' }, 'الزمن يسير من اليمين إلى اليسار. انقر عموداً لعرض أحداث ذلك اليوم.'),
    h('div', { class: 'chart-scroll' }, chart(days, keep, Math.max(300, out.clientWidth || 900))),
    legend(days, p));
}
