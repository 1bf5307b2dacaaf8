// DOM helpers shared by the views. Text from the API (news text, names,
// titles) is untrusted: it only ever enters the page as text nodes or
// attribute values, never through innerHTML.

import { describeError } from './api.js';
import { actorName, MODALITIES, PARAMETERS, ROOTS } from './labels.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function applyAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'class') {
      el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces the children of `el`; null/false children are left out (unlike replaceChildren). */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** An HTML element: h('a', {href, class}, 'text', child…). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  return append(el, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  return append(el, children);
}

/** A code (actor, CAMEO, date) kept left-to-right inside Arabic text. */
export function code(text, cls = 'code') {
  return h('bdi', { dir: 'ltr', class: cls }, text ?? '');
}

export function setTitle(text) {
  document.title = text ? `${text} — حدث` : 'حدث — أحداث الأخبار العربية';
}

/** Hash link of a view with its parameters (empty ones dropped). */
export function link(view, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && String(v) !== '') q.set(k, String(v));
  }
  const qs = q.toString();
  return `#/${view}${qs ? `?${qs}` : ''}`;
}

export function docLink(docId, eventId) {
  return `#/doc/${encodeURIComponent(docId)}${eventId ? `?ev=${encodeURIComponent(eventId)}` : ''}`;
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is text. */
export function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, name) => {
    if (name[0] === '#') {
      const n = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[name] ?? m;
  });
}

/**
 * The nodes of a search snippet: the API sends HTML-escaped text whose only
 * markup is <mark>…</mark>. We split on exactly those two tags, decode the
 * entities of the pieces and insert them as text, so any other markup shows
 * as the literal characters it is.
 */
export function snippetNodes(snippet) {
  const out = [];
  const parts = String(snippet ?? '').split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === '<mark>') {
      inMark = true;
    } else if (part === '</mark>') {
      inMark = false;
    } else if (part) {
      const text = decodeEntities(part);
      out.push(inMark ? h('mark', null, text) : document.createTextNode(text));
    }
  }
  return out;
}

/** The box that shows an API error in Arabic (never a blank page). */
export function errorBox(error, context) {
  const { title, text, detail } = describeError(error);
  return h('div', { class: 'error', role: 'alert' },
    h('h3', null, context ? `${context}: ${title}` : title),
    h('p', null, text),
    detail ? h('details', null, h('summary', null, 'التفاصيل التقنية'), h('p', { dir: 'ltr' }, detail)) : null);
}

export function loading(text = 'جارٍ التحميل…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** "1–20 من 57" with previous/next links that keep the other parameters. */
export function pager(view, params, total, limit, offset) {
  const nav = h('nav', { class: 'pager', 'aria-label': 'التنقل بين الصفحات' });
  if (!total) return nav;
  const first = offset + 1;
  const last = Math.min(offset + limit, total);
  const to = (o) => link(view, { ...params, offset: o > 0 ? o : '' });
  nav.append(
    offset > 0 ? h('a', { href: to(Math.max(0, offset - limit)), class: 'prev', rel: 'prev' }, '→ السابق')
      : h('span', { class: 'prev disabled' }, '→ السابق'),
    h('span', { class: 'range' }, `${first}–${last} من ${total}`),
    offset + limit < total ? h('a', { href: to(offset + limit), class: 'next', rel: 'next' }, 'التالي ←')
      : h('span', { class: 'next disabled' }, 'التالي ←'));
  return nav;
}

/** An actor code shown with its Arabic reading; a link filtering the events. */
export function actorLink(side, extra) {
  if (!side || !side.code) return h('span', { class: 'none' }, '—');
  const name = actorName(side.code);
  return h('a', { href: link('events', { ...extra, actor: side.code }), class: 'actor', title: `تصفية الأحداث حسب ${side.code}` },
    name ? h('span', { class: 'actor-name' }, name) : null,
    code(side.code));
}

export function modalityBadge(m) {
  return h('span', { class: `modality m-${MODALITIES[m] ? m : 'unknown'}` }, MODALITIES[m] || m || '—');
}

// ----- filter forms -------------------------------------------------------

let actorsPromise = null;
/** Actor codes and countries for the forms' suggestions (loaded once). */
function actorSuggestions(apiGet) {
  if (!actorsPromise) {
    actorsPromise = apiGet('/api/actors', { limit: 1000 }).catch(() => ({ actors: [] }));
  }
  return actorsPromise;
}

function datalists(apiGet) {
  const actors = h('datalist', { id: 'dl-actors' });
  const countries = h('datalist', { id: 'dl-countries' });
  actorSuggestions(apiGet).then((data) => {
    const seen = new Set();
    for (const a of (data && Array.isArray(data.actors) ? data.actors : []).slice(0, 500)) {
      if (typeof a.code !== 'string') continue;
      actors.append(h('option', { value: a.code }, actorName(a.code) || a.code));
      if (a.country && !seen.has(a.country)) {
        seen.add(a.country);
        countries.append(h('option', { value: a.country }, actorName(a.country) || a.country));
      }
    }
  });
  return [actors, countries];
}

const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';

function field(key, value) {
  const id = `f-${key}`;
  const label = h('label', { for: id }, PARAMETERS[key]);
  let input;
  switch (key) {
    case 'root':
      input = h('select', { id, name: key },
        h('option', { value: '' }, 'كل الجذور'),
        Object.entries(ROOTS).map(([r, name]) => h('option', { value: r }, `${r} — ${name}`)));
      break;
    case 'modality':
      input = h('select', { id, name: key },
        h('option', { value: '' }, 'كل الصيغ'),
        Object.entries(MODALITIES).map(([m, name]) => h('option', { value: m }, name)));
      break;
    case 'from':
    case 'to':
      input = h('input', {
        id, name: key, type: 'text', inputmode: 'numeric', dir: 'ltr', placeholder: 'YYYY-MM-DD',
        pattern: DATE_PATTERN, title: 'YYYY أو YYYY-MM أو YYYY-MM-DD', autocomplete: 'off',
      });
      break;
    case 'actor':
      input = h('input', { id, name: key, type: 'text', dir: 'ltr', list: 'dl-actors', placeholder: 'RUSGOV', autocomplete: 'off' });
      break;
    case 'country':
      input = h('input', { id, name: key, type: 'text', dir: 'ltr', list: 'dl-countries', placeholder: 'RUS', autocomplete: 'off' });
      break;
    default:
      input = h('input', { id, name: key, type: 'text', autocomplete: 'off' });
  }
  input.value = value ?? '';
  if (input.tagName === 'SELECT' && input.value !== (value ?? '')) {
    // A value from the URL that the select does not offer: keep it visible.
    input.append(h('option', { value }, value));
    input.value = value;
  }
  return h('div', { class: `field field-${key}` }, label, input);
}

/**
 * The filter bar of a view. Submitting it changes the hash (the router then
 * renders the view); `keep` lists parameters carried over unchanged (e.g. q).
 */
export function filterForm(view, params, keys, apiGet, keep = []) {
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'المرشّحات' },
    keys.map((k) => field(k, params[k])),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'تطبيق'),
      h('a', { href: link(view, Object.fromEntries(keep.map((k) => [k, params[k]]))), class: 'reset' }, 'مسح المرشّحات')),
    datalists(apiGet));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = Object.fromEntries(keep.map((k) => [k, params[k]]));
    for (const k of keys) next[k] = form.elements[k].value.trim();
    location.hash = link(view, next);
  });
  return form;
}

/**
 * The filter form folded under a summary that says which filters are set;
 * open on wide screens or when a filter is set, folded on a phone.
 */
export function filterPanel(view, params, keys, apiGet, keep = []) {
  const set = keys.filter((k) => params[k]);
  const summary = set.length
    ? `المرشّحات: ${set.map((k) => `${PARAMETERS[k]} = ${params[k]}`).join('، ')}`
    : 'المرشّحات (لا شيء محدد)';
  const open = set.length > 0 || window.matchMedia('(min-width: 761px)').matches;
  return h('details', { class: 'filter-panel', open: open || undefined },
    h('summary', null, summary),
    filterForm(view, params, keys, apiGet, keep));
}
