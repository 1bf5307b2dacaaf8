// The document view: the article text with its entities, times, quotes and
// event triggers highlighted, a legend that toggles each layer, and the list
// of the article's events linked to their triggers.
//
// Offsets in the analysis are Unicode code points into `text` (not UTF-16
// units), so the text is cut as an array of code points.

import { apiGet } from './api.js';
import {
  code, errorBox, fill, h, link, loading, modalityBadge, safeUrl, setTitle,
} from './dom.js';
import {
  actorName, ENTITY_TYPES, MODALITIES, RELATIONS, rootColor, rootName, TIME_TYPES,
} from './labels.js';

const list = (x) => (Array.isArray(x) ? x : []);

/** The annotations of an analysis as {start, end, kind, …} in code points. */
function annotations(analysis, length) {
  const out = [];
  const add = (a, kind, extra) => {
    const start = Number(a && a.start);
    const end = Number(a && a.end);
    if (!Number.isInteger(start) || !Number.isInteger(end)) return;
    const s = Math.max(0, Math.min(start, length));
    const e = Math.max(0, Math.min(end, length));
    if (e > s) out.push({ start: s, end: e, kind, ...extra });
  };
  for (const e of list(analysis.entities)) add(e, 'ent', { item: e, nominal: false });
  for (const n of list(analysis.nominals)) add(n, 'ent', { item: n, nominal: true });
  for (const t of list(analysis.times)) add(t, 'time', { item: t });
  for (const q of list(analysis.quotes)) add(q, 'quote', { item: q });
  for (const ev of list(analysis.events)) {
    const mentions = list(ev.mentions).length ? list(ev.mentions) : [ev.trigger];
    mentions.forEach((m, i) => add(m, 'trig', { item: ev, first: i === 0 }));
  }
  return out;
}

function describe(a) {
  const x = a.item;
  switch (a.kind) {
    case 'ent': {
      const parts = [`${a.nominal ? 'وصف' : 'كيان'}: ${ENTITY_TYPES[x.type] || x.type || ''}`];
      if (x.canonical) parts.push(x.canonical);
      if (x.actor && x.actor.code) parts.push(`${x.actor.code}${actorName(x.actor.code) ? ` (${actorName(x.actor.code)})` : ''}`);
      return parts.join(' · ');
    }
    case 'time':
      return `${TIME_TYPES[x.type] || 'زمن'}: ${x.value ?? 'غير محدد'}`;
    case 'quote':
      return 'اقتباس';
    case 'trig':
      return `حدث ${x.cameo || ''} ${rootName(x.root) || ''} (${MODALITIES[x.modality] || x.modality || ''})`;
    default:
      return '';
  }
}

/**
 * The highlighted text. Boundaries of all annotations cut the text into
 * segments; each segment is one span carrying the classes of every
 * annotation covering it (the innermost entity gives the colour).
 */
function highlightedText(text, analysis, onTrigger) {
  const cps = Array.from(text || '');
  const anns = annotations(analysis, cps.length);
  const cuts = new Set([0, cps.length]);
  for (const a of anns) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const byStart = [...anns].sort((x, y) => x.start - y.start);
  const container = h('div', { class: 'doc-text', lang: 'ar' });
  const triggers = new Map(); // event id → [span…]
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    active = active.filter((a) => a.end > from);
    while (next < byStart.length && byStart[next].start <= from) {
      if (byStart[next].end > from) active.push(byStart[next]);
      next++;
    }
    const piece = cps.slice(from, to).join('');
    if (!active.length) {
      container.append(piece);
      continue;
    }
    const classes = ['hl'];
    const ents = active.filter((a) => a.kind === 'ent');
    if (ents.length) {
      const inner = ents.reduce((m, a) => (a.end - a.start < m.end - m.start ? a : m));
      classes.push('e', `e-${ENTITY_TYPES[inner.item.type] ? inner.item.type : 'MISC'}`);
      if (inner.nominal) classes.push('nom');
    }
    if (active.some((a) => a.kind === 'time')) classes.push('t');
    if (active.some((a) => a.kind === 'quote')) classes.push('q');
    const trigs = active.filter((a) => a.kind === 'trig');
    if (trigs.length) classes.push('tr');
    const span = h('span', { class: classes, title: active.map(describe).join('\n') }, piece);
    for (const t of trigs) {
      const id = t.item.id;
      if (!triggers.has(id)) triggers.set(id, []);
      triggers.get(id).push(span);
      span.dataset.ev = id;
    }
    if (trigs.length) {
      span.tabIndex = 0;
      span.addEventListener('click', () => onTrigger(trigs[0].item.id));
      span.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') onTrigger(trigs[0].item.id);
      });
    }
    container.append(span);
  }
  return { container, triggers };
}

function legend(textBox) {
  const toggle = (cls, label, swatchClass) => {
    const box = h('input', { type: 'checkbox', checked: true });
    box.addEventListener('change', () => textBox.classList.toggle(`hide-${cls}`, !box.checked));
    return h('label', { class: 'toggle' }, box, h('span', { class: `swatch-text ${swatchClass}` }, label));
  };
  return h('div', { class: 'legend doc-legend', 'aria-label': 'مفتاح الألوان' },
    h('span', { class: 'legend-title' }, 'المفتاح:'),
    toggle('e', 'الكيانات', 'hl e e-PER'),
    h('span', { class: 'types' }, Object.entries(ENTITY_TYPES).map(([t, name]) => h('span', { class: `hl e e-${t} chip` }, name))),
    h('span', { class: 'chip hl e e-PER nom' }, 'وصف لفاعل'),
    toggle('t', 'الأزمنة', 'hl t'),
    toggle('q', 'الاقتباسات', 'hl q'),
    toggle('tr', 'الكلمات الدالة على الأحداث', 'hl tr'));
}

function eventItem(ev, onShow) {
  const side = (x) => (x && x.code
    ? h('a', { href: link('events', { actor: x.code }), class: 'actor' },
      actorName(x.code) ? h('span', { class: 'actor-name' }, actorName(x.code)) : null, code(x.code))
    : h('span', { class: 'none' }, '—'));
  const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  sw.style.background = rootColor(ev.root);
  return h('li', { class: 'doc-event', id: `event-${ev.id}`, dataset: { ev: ev.id } },
    h('div', { class: 'ev-head' },
      sw, code(ev.cameo), ' ', h('strong', null, rootName(ev.root) || ''), ' ', modalityBadge(ev.modality),
      ev.date && ev.date.value ? [' ', code(ev.date.value, 'date')] : null),
    h('div', { class: 'ev-sides' }, side(ev.source), h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ← '), side(ev.target)),
    h('div', { class: 'ev-trigger' },
      h('button', { type: 'button', class: 'show-trigger', onclick: () => onShow(ev.id) }, 'أظهر في النص'),
      ' «', h('span', { class: 'trigger' }, ev.trigger && ev.trigger.text ? ev.trigger.text : ''), '»'));
}

export async function renderDocument(main, route, alive) {
  setTitle('وثيقة');
  fill(main, loading());
  let doc;
  try {
    doc = await apiGet(`/api/documents/${encodeURIComponent(route.id)}`);
  } catch (e) {
    if (alive()) fill(main, h('h1', null, 'وثيقة'), errorBox(e, `الوثيقة ${route.id}`));
    return;
  }
  if (!alive()) return;
  const analysis = doc.analysis && typeof doc.analysis === 'object' ? doc.analysis : {};
  setTitle(doc.title || doc.id);
  const events = list(analysis.events).slice().sort((a, b) => (a.trigger?.start ?? 0) - (b.trigger?.start ?? 0));

  let triggers = new Map();
  const showTrigger = (id) => {
    for (const el of main.querySelectorAll('.tr.active, .doc-event.active')) el.classList.remove('active');
    const spans = triggers.get(id) || [];
    for (const el of spans) el.classList.add('active');
    if (spans[0]) {
      spans[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
      spans[0].focus({ preventScroll: true });
    }
    const item = main.querySelector(`.doc-event[data-ev="${CSS.escape(id)}"]`);
    if (item) item.classList.add('active');
  };
  // A trigger clicked in the text marks its event in the list; the list
  // scrolls only where it sits beside the text (sticky), not on a phone.
  const showEvent = (id) => {
    showTrigger(id);
    const item = main.querySelector(`.doc-event[data-ev="${CSS.escape(id)}"]`);
    const aside = item && item.closest('.doc-events');
    if (aside && getComputedStyle(aside).position === 'sticky') {
      aside.scrollTo({ top: item.offsetTop - aside.clientHeight / 3, behavior: 'smooth' });
    }
  };
  const hl = highlightedText(doc.text, analysis, showEvent);
  triggers = hl.triggers;

  const url = safeUrl(doc.url);
  const relations = list(analysis.relations);
  fill(main,
    h('article', { class: 'document' },
      h('header', { class: 'doc-head' },
        h('h1', null, doc.title || '(بلا عنوان)'),
        h('p', { class: 'meta' },
          doc.published ? ['تاريخ النشر: ', code(doc.published, 'date')] : 'تاريخ النشر غير معروف',
          doc.source ? [' · المصدر: ', h('span', { class: 'source' }, doc.source)] : null,
          ' · المعرّف: ', code(doc.id)),
        doc.url ? h('p', { class: 'meta url' }, 'الرابط: ',
          url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', dir: 'ltr' }, doc.url)
            : h('bdi', { dir: 'ltr' }, doc.url)) : null,
        h('p', { class: 'meta' }, h('a', { href: link('events', { doc: doc.id }) }, 'أحداث هذه الوثيقة في الجدول'))),
      legend(hl.container),
      h('div', { class: 'doc-body' },
        h('section', { class: 'doc-main', 'aria-label': 'نص الخبر' }, hl.container),
        h('aside', { class: 'doc-events', 'aria-label': 'أحداث الخبر' },
          h('h2', null, `الأحداث (${events.length})`),
          events.length ? h('ol', null, events.map((ev) => eventItem(ev, showTrigger)))
            : h('p', { class: 'none' }, 'لم يُستخرج أي حدث من هذا الخبر.'),
          relations.length ? [h('h2', null, 'العلاقات'), h('ul', { class: 'relations' }, relations.map((r) => h('li', null,
            actorName(r.a) || r.a, ' — ', actorName(r.b) || r.b, ': ', RELATIONS[r.type] || r.type,
            r.evidence && r.evidence.text ? [' «', r.evidence.text, '»'] : null)))] : null))));

  if (route.params.ev && triggers.has(route.params.ev)) showEvent(route.params.ev);
}

