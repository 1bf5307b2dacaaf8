// The hadath web UI: a hash router and the search and events views. The
// document, timeline and graph views live in their own modules.
//
// Routes:  #/search?q=…&from=…   #/events?actor=…&root=…   #/doc/<id>?ev=evN
//          #/timeline?…          #/graph?…                  #/ (search + stats)

import { apiGet } from './api.js';
import {
  actorLink, code, docLink, errorBox, fill, filterForm, filterPanel, h, link, loading, modalityBadge, pager,
  setTitle, snippetNodes,
} from './dom.js';
import { renderDocument } from './doc.js';
import { renderGraph } from './graph.js';
import { QUADS, rootColor, rootName } from './labels.js';
import { renderTimeline } from './timeline.js';

const main = document.getElementById('main');
const EVENT_FILTERS = ['actor', 'country', 'root', 'modality', 'from', 'to'];
const SEARCH_FILTERS = ['from', 'to', 'source', 'actor', 'country', 'root'];

function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const qi = hash.indexOf('?');
  const path = qi < 0 ? hash : hash.slice(0, qi);
  const params = Object.fromEntries(new URLSearchParams(qi < 0 ? '' : hash.slice(qi + 1)));
  const [view, ...rest] = path.split('/');
  let id = rest.join('/');
  try {
    id = decodeURIComponent(id);
  } catch {
    // A malformed escape: keep the raw id, the API will answer not_found.
  }
  return { view: view || 'search', id, params };
}

function intParam(v, dflt) {
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : dflt;
}

// ----- search ----------------------------------------------------------------

function searchBox(params) {
  const input = h('input', {
    type: 'search', name: 'q', id: 'q', placeholder: 'ابحث في الأخبار، مثل: موسكو',
    'aria-label': 'نص البحث', autocomplete: 'off', enterkeyhint: 'search',
  });
  input.value = params.q || '';
  const form = h('form', { class: 'searchbox', role: 'search' },
    input, h('button', { type: 'submit' }, 'بحث'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = { q: input.value.trim() };
    for (const k of SEARCH_FILTERS) next[k] = params[k];
    location.hash = link('search', next);
  });
  return form;
}

function statsPanel(stats) {
  const item = (label, value) => h('div', { class: 'stat' }, h('dt', null, label), h('dd', null, value ?? '—'));
  const span = stats.first_event_date
    ? [code(stats.first_event_date), ' — ', code(stats.last_event_date)] : '—';
  return h('section', { class: 'stats', 'aria-label': 'محتوى قاعدة البيانات' },
    h('h2', null, 'محتوى قاعدة البيانات'),
    h('dl', null,
      item('الوثائق', stats.documents),
      item('الأحداث', stats.events),
      item('الكيانات', stats.entities),
      item('الاقتباسات', stats.quotes),
      item('العلاقات', stats.relations),
      item('فترة الأحداث', span)),
    rootBars(stats.events_by_root));
}

function rootBars(byRoot) {
  const entries = Object.entries(byRoot || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return null;
  const max = entries[0][1];
  return h('div', { class: 'rootbars' },
    h('h3', null, 'الأحداث حسب جذر CAMEO'),
    h('ul', null, entries.map(([r, n]) => {
      const bar = h('span', { class: 'bar' });
      bar.style.width = `${Math.max(2, (100 * n) / max)}%`;
      bar.style.background = rootColor(r);
      return h('li', null,
        h('a', { href: link('events', { root: r }) }, code(r), ' ', rootName(r) || ''),
        h('span', { class: 'track' }, bar), h('span', { class: 'n' }, n));
    })));
}

async function renderSearch(route, alive) {
  const p = route.params;
  setTitle(p.q ? `بحث: ${p.q}` : 'البحث');
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  fill(main,
    h('h1', null, 'البحث في الأخبار'),
    searchBox(p),
    h('details', { class: 'more-filters', open: SEARCH_FILTERS.some((k) => p[k]) || undefined },
      h('summary', null, 'مرشّحات البحث'),
      filterForm('search', p, SEARCH_FILTERS, apiGet, ['q'])),
    results);
  if (!p.q) {
    results.append(h('p', { class: 'hint' },
      'اكتب كلمة أو أكثر. تُطابق الكلمة صيغها مع السوابق واللواحق (موسكو، وموسكو، لموسكو). ',
      'ضع العبارة بين علامتَي تنصيص لتُطابَق كما هي، واستخدم OR للبدائل وNOT للاستبعاد والنجمة * للبحث ببادئة الكلمة.'));
    results.append(loading());
    try {
      const stats = await apiGet('/api/stats');
      if (!alive()) return;
      results.lastChild.replaceWith(statsPanel(stats));
    } catch (e) {
      if (alive()) results.lastChild.replaceWith(errorBox(e, 'الإحصاءات'));
    }
    return;
  }
  results.append(loading('جارٍ البحث…'));
  const limit = intParam(p.limit, 20);
  const offset = intParam(p.offset, 0);
  let data;
  try {
    data = await apiGet('/api/search', { ...p, limit, offset });
  } catch (e) {
    if (alive()) fill(results, errorBox(e, 'البحث'));
    return;
  }
  if (!alive()) return;
  const hits = Array.isArray(data.hits) ? data.hits : [];
  const total = Number.isFinite(data.total) ? data.total : hits.length;
  fill(results,
    h('p', { class: 'count' }, total ? `عدد الوثائق المطابقة: ${total}` : 'لا توجد وثائق مطابقة.'),
    h('ol', { class: 'hits', start: offset + 1 }, hits.map((hit) => h('li', { class: 'hit' },
      h('h3', null, h('a', { href: docLink(hit.id) }, hit.title || hit.id || '(بلا عنوان)')),
      h('p', { class: 'meta' },
        hit.published ? code(hit.published, 'date') : null,
        hit.source ? h('span', { class: 'source' }, hit.source) : null,
        h('span', { class: 'docid' }, code(hit.id))),
      h('p', { class: 'snippet' }, snippetNodes(hit.snippet))))),
    pager('search', p, total, data.limit || limit, data.offset ?? offset));
}

// ----- events ----------------------------------------------------------------

function eventRow(ev, filters) {
  const keep = Object.fromEntries(EVENT_FILTERS.filter((k) => k !== 'actor').map((k) => [k, filters[k]]));
  const root = ev.root || (ev.cameo || '').slice(0, 2);
  const tip = [QUADS[ev.quad], `PLOVER: ${ev.plover ?? '—'}`, `غولدستين: ${ev.goldstein ?? '—'}`].filter(Boolean).join(' · ');
  const cameo = h('span', { class: 'cameo', title: tip },
    h('span', { class: 'swatch', 'aria-hidden': 'true' }), code(ev.cameo), ' ', h('span', { class: 'root-name' }, rootName(root) || ''));
  cameo.firstChild.style.background = rootColor(root);
  const eid = ev.event && ev.event.id ? ev.event.id : String(ev.id || '').split(':').pop();
  const cell = (label, ...content) => h('td', { 'data-label': label }, h('div', { class: 'cell' }, ...content));
  return h('tr', { dataset: { root, cameo: ev.cameo || '', source: ev.source?.code || '', target: ev.target?.code || '' } },
    cell('التاريخ', ev.date ? code(ev.date, 'date') : h('span', { class: 'none' }, 'غير محدد')),
    cell('الفاعل', actorLink(ev.source, keep)),
    cell('رمز CAMEO', cameo),
    cell('الهدف', actorLink(ev.target, keep)),
    cell('الصيغة', modalityBadge(ev.modality)),
    cell('الكلمة الدالة', h('span', { class: 'trigger' }, ev.trigger || ev.event?.trigger?.text || '')),
    cell('الوثيقة',
      h('a', { href: docLink(ev.doc_id, eid), class: 'doclink', title: ev.title || '' }, ev.title || ev.doc_id),
      ev.news_source ? h('span', { class: 'news-source' }, ev.news_source) : null));
}

async function renderEvents(route, alive) {
  const p = route.params;
  setTitle('الأحداث');
  const out = h('div', { class: 'table-area', 'aria-live': 'polite' }, loading());
  fill(main,
    h('h1', null, 'جدول الأحداث'),
    filterPanel('events', p, EVENT_FILTERS, apiGet, ['doc']),
    p.doc ? h('p', { class: 'hint' }, 'أحداث وثيقة واحدة: ', h('a', { href: docLink(p.doc) }, code(p.doc)), ' · ',
      h('a', { href: link('events', { ...p, doc: '', offset: '' }) }, 'عرض أحداث كل الوثائق')) : null,
    out);
  const limit = intParam(p.limit, 50);
  const offset = intParam(p.offset, 0);
  const query = { limit, offset };
  for (const k of [...EVENT_FILTERS, 'doc']) query[k] = p[k];
  let data;
  try {
    data = await apiGet('/api/events', query);
  } catch (e) {
    if (alive()) fill(out, errorBox(e, 'الأحداث'));
    return;
  }
  if (!alive()) return;
  const events = Array.isArray(data.events) ? data.events : [];
  const total = Number.isFinite(data.total) ? data.total : events.length;
  const head = ['التاريخ', 'الفاعل', 'رمز CAMEO', 'الهدف', 'الصيغة', 'الكلمة الدالة', 'الوثيقة'];
  fill(out,
    h('p', { class: 'count' }, total ? `عدد الأحداث: ${total}` : 'لا توجد أحداث تطابق المرشّحات.'),
    events.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'events' },
      h('thead', null, h('tr', null, head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, events.map((ev) => eventRow(ev, p))))) : null,
    pager('events', p, total, data.limit || limit, data.offset ?? offset));
}

// ----- router ----------------------------------------------------------------

const VIEWS = {
  search: renderSearch,
  events: renderEvents,
  timeline: (route, alive) => renderTimeline(main, route, alive),
  graph: (route, alive) => renderGraph(main, route, alive),
  doc: (route, alive) => renderDocument(main, route, alive),
};

let generation = 0;

// main[data-state] is "loading" while a view waits for the API and "ready"
// once it has drawn its answer or its error; main[data-route] names the hash
// it drew (the browser tests wait on both).
async function route() {
  const r = parseRoute();
  const mine = ++generation;
  const alive = () => mine === generation;
  main.dataset.state = 'loading';
  main.dataset.route = location.hash;
  for (const a of document.querySelectorAll('nav.views a')) {
    if (a.dataset.view === r.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = VIEWS[r.view];
  if (!view) {
    setTitle('صفحة غير موجودة');
    fill(main,
      h('div', { class: 'error', role: 'alert' },
      h('h3', null, 'صفحة غير موجودة'),
      h('p', null, 'لا توجد صفحة بهذا العنوان. '), h('a', { href: '#/search' }, 'العودة إلى البحث')));
  } else {
    try {
      await view(r, alive);
    } catch (e) {
      // A bug in a view still leaves the user a message, not a blank page.
      if (alive()) fill(main, errorBox(e, 'خطأ في الواجهة'));
      console.error(e);
    }
  }
  if (alive()) main.dataset.state = 'ready';
}

window.addEventListener('hashchange', route);
route();
