// Browser tests of the hadath web UI: what a user sees, checked in Debian's
// chromium driven by playwright-core (no downloaded browser).
//
// usage: node tests/web/ui.test.mjs http://127.0.0.1:PORT
// The server must hold the sample articles (examples/) and tests/web/hostile.jsonl;
// run_web_tests.sh sets that up. Screenshots go to $HADATH_WEB_ARTIFACTS
// (default build/web-artifacts/). One line per check: PASS or FAIL.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.argv[2] || '').replace(/\/$/, '');
if (!base) {
  console.error('usage: node ui.test.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const artifacts = path.resolve(process.env.HADATH_WEB_ARTIFACTS || 'build/web-artifacts');
mkdirSync(artifacts, { recursive: true });
const executablePath = process.env.HADATH_CHROMIUM || '/usr/bin/chromium';

const ARABIC = /[\u0600-\u06FF]/;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let failures = 0;
let passes = 0;
const scriptErrors = [];

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function check(name, fn) {
  try {
    await fn();
    passes++;
    console.log(`PASS ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${String(e && e.message ? e.message : e).split('\n')[0]}`);
  }
}

async function api(pathAndQuery) {
  const r = await fetch(base + pathAndQuery);
  return { status: r.status, body: await r.json() };
}

/** Opens a hash route and waits until the view has drawn its answer. */
async function open(page, hash) {
  await page.goto(`${base}/${hash}`);
  await ready(page);
}

async function ready(page) {
  await page.waitForFunction(() => {
    const m = document.getElementById('main');
    return m && m.dataset.state === 'ready' && m.dataset.route === location.hash;
  }, null, { timeout: 15000 });
  // A value the code forgot to handle shows up as one of these words.
  const leak = await page.evaluate(() => {
    const m = document.getElementById('main').innerText.match(/\b(null|undefined|NaN|\[object Object\])\b/);
    return m ? m[0] : null;
  });
  assert(!leak, `the page shows «${leak}» (${await page.evaluate(() => location.hash)})`);
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage });
}

async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'ar', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => scriptErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], headless: true });
const page = await newPage(browser);

// ---------------------------------------------------------------------------
await check('page is Arabic and right-to-left', async () => {
  await open(page, '#/');
  const info = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
    title: document.title,
    nav: [...document.querySelectorAll('nav.views a')].map((a) => a.textContent.trim()),
    brandX: document.querySelector('.brand').getBoundingClientRect().right,
    navX: document.querySelector('nav.views').getBoundingClientRect().left,
    width: document.documentElement.clientWidth,
  }));
  assert(info.lang === 'ar' && info.dir === 'rtl', `html lang=${info.lang} dir=${info.dir}`);
  assert(info.direction === 'rtl', `body direction ${info.direction}`);
  assert(ARABIC.test(info.title), `title not Arabic: ${info.title}`);
  assert(info.nav.length >= 4 && info.nav.every((t) => ARABIC.test(t)), `nav labels: ${info.nav}`);
  // RTL layout: the brand sits at the right edge, the navigation to its left.
  assert(info.brandX > info.width - 60, `brand not at the right (right edge ${info.brandX} of ${info.width})`);
  assert(info.navX < info.width / 2, 'navigation not on the left side');
  assert(await page.isVisible('input#q'), 'search box not visible');
  const stats = (await api('/api/stats')).body;
  const shown = await page.textContent('.stats');
  assert(shown.includes('الوثائق') && shown.includes(String(stats.documents)),
    `stats panel does not show ${stats.documents} documents`);
  await shot(page, '01-home');
});

await check('search finds an Arabic word and highlights it with <mark>', async () => {
  await open(page, '#/search');
  await page.fill('input#q', 'موسكو');
  await page.press('input#q', 'Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/search?q='));
  await ready(page);
  const expected = (await api(`/api/search?q=${encodeURIComponent('موسكو')}`)).body;
  const hits = await page.$$eval('.hit', (els) => els.map((el) => ({
    title: el.querySelector('h3 a').textContent,
    href: el.querySelector('h3 a').getAttribute('href'),
    marks: [...el.querySelectorAll('.snippet mark')].map((m) => m.textContent),
    snippet: el.querySelector('.snippet').textContent,
  })));
  assert(hits.length >= 2, `${hits.length} hits shown`);
  assert(hits.length === Math.min(expected.total, 20), `shown ${hits.length}, API total ${expected.total}`);
  for (const hit of hits) {
    assert(hit.marks.length > 0, `no <mark> in the snippet of «${hit.title}»`);
    assert(hit.marks.every((m) => m.includes('موسكو')), `marks ${hit.marks} do not hold the word`);
    assert(!hit.snippet.includes('<mark>'), 'literal <mark> text in a snippet');
    assert(hit.href.startsWith('#/doc/'), `result link ${hit.href}`);
  }
  assert((await page.textContent('.count')).includes(String(expected.total)), 'total not shown');
  await shot(page, '02-search');
});

await check('search matches a country name with a clitic (أذربيجان → وأذربيجان)', async () => {
  await open(page, `#/search?q=${encodeURIComponent('أذربيجان')}`);
  const marks = await page.$$eval('.snippet mark', (els) => els.map((m) => m.textContent));
  assert(marks.length > 0, 'no highlighted match');
  assert(marks.every((m) => m.includes('أذربيجان')), `marks: ${marks}`);
  assert(marks.some((m) => m !== 'أذربيجان'), `no clitic form among the marks: ${marks}`);
  await shot(page, '02b-search-clitic', false);
});

await check('a search result opens its document', async () => {
  await open(page, `#/search?q=${encodeURIComponent('موسكو')}`);
  const title = await page.textContent('.hit h3 a');
  await page.click('.hit h3 a');
  await page.waitForFunction(() => location.hash.startsWith('#/doc/'));
  await ready(page);
  assert((await page.textContent('.doc-head h1')).trim() === title.trim(), 'document title differs from the hit');
});

/** The rows of the events table as the user sees them. */
async function eventRows() {
  return page.$$eval('table.events tbody tr', (trs) => trs.map((tr) => ({
    root: tr.dataset.root,
    cameo: tr.querySelector('.cameo bdi').textContent,
    rootName: tr.querySelector('.root-name').textContent,
    source: tr.dataset.source,
    target: tr.dataset.target,
    actors: [...tr.querySelectorAll('td:nth-child(2) bdi, td:nth-child(4) bdi')].map((b) => b.textContent),
  })));
}

const countOf = async () => Number(((await page.textContent('.count')).match(/\d+/) || ['-1'])[0]);

await check('events table filters by CAMEO root (select in Arabic)', async () => {
  await open(page, '#/events');
  const before = await countOf();
  const rowsBefore = await eventRows();
  assert(before > 0 && rowsBefore.length > 0, 'no events listed');
  const options = await page.$$eval('#f-root option', (os) => os.map((o) => [o.value, o.textContent]));
  assert(options.filter(([v]) => /^\d\d$/.test(v)).length === 20, 'root select does not offer the 20 roots');
  assert(options.every(([, t]) => ARABIC.test(t)), 'root names not in Arabic');
  await page.selectOption('#f-root', '19');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('root=19'));
  await ready(page);
  const rows = await eventRows();
  const after = await countOf();
  const expected = (await api('/api/events?root=19')).body.total;
  assert(rows.length > 0, 'no rows for root 19');
  assert(after === expected, `count ${after}, API says ${expected}`);
  assert(after < before, `count did not change (${before} → ${after})`);
  for (const r of rows) {
    assert(r.root === '19' && r.cameo.startsWith('19'), `row with CAMEO ${r.cameo}`);
    assert(r.rootName === 'قتال', `root name «${r.rootName}»`);
  }
  await shot(page, '03-events-root');
});

await check('events table filters by actor; every row involves it', async () => {
  await open(page, '#/events');
  await page.fill('#f-actor', 'ISR');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('actor=ISR'));
  await ready(page);
  const rows = await eventRows();
  assert(rows.length > 0, 'no rows for actor ISR');
  for (const r of rows) {
    assert(r.source.startsWith('ISR') || r.target.startsWith('ISR'), `row ${r.source} → ${r.target}`);
    assert(r.actors.some((a) => a.startsWith('ISR')), 'actor code not shown in the row');
  }
  assert(await countOf() === (await api('/api/events?actor=ISR')).body.total, 'count differs from the API');
  await shot(page, '04-events-actor');
});

await check('events table pages through all events', async () => {
  await open(page, '#/events');
  const total = await countOf();
  const first = await eventRows();
  assert(first.length === Math.min(50, total), `${first.length} rows on page 1 of ${total}`);
  if (total > 50) {
    await page.click('.pager a.next');
    await page.waitForFunction(() => location.hash.includes('offset=50'));
    await ready(page);
    const range = await page.textContent('.pager .range');
    assert(range.startsWith('51'), `range «${range}»`);
    const second = await eventRows();
    assert(second.length === Math.min(50, total - 50), `${second.length} rows on page 2`);
  }
});

await check('events of one document; a filter matching nothing says so in Arabic', async () => {
  await open(page, '#/events?doc=02_visit_talks');
  const hrefs = await page.$$eval('table.events a.doclink', (as) => as.map((a) => a.getAttribute('href')));
  const expected = (await api('/api/events?doc=02_visit_talks')).body.total;
  assert(hrefs.length === expected && expected > 0, `${hrefs.length} rows, API ${expected}`);
  assert(hrefs.every((x) => x.startsWith('#/doc/02_visit_talks')), 'a row from another document');
  await open(page, '#/events?from=1990&to=1990');
  assert(!(await page.$('table.events')), 'a table for no events');
  assert((await page.textContent('.count')).includes('لا توجد أحداث'), 'no Arabic "no events" message');
});

/** Checks the highlights of a document against its analysis from the API. */
async function checkDocument(docId) {
  const doc = (await api(`/api/documents/${encodeURIComponent(docId)}`)).body;
  await open(page, `#/doc/${encodeURIComponent(docId)}`);
  const counts = await page.evaluate(() => ({
    e: document.querySelectorAll('.doc-text .hl.e').length,
    t: document.querySelectorAll('.doc-text .hl.t').length,
    q: document.querySelectorAll('.doc-text .hl.q').length,
    tr: document.querySelectorAll('.doc-text .hl.tr').length,
    items: document.querySelectorAll('.doc-events li.doc-event').length,
    legend: document.querySelector('.doc-legend')?.textContent || '',
    text: document.querySelector('.doc-text').textContent,
  }));
  const a = doc.analysis;
  assert(counts.text === doc.text, 'the shown text differs from the document text');
  assert(counts.e > 0 && a.entities.length > 0, 'no entity highlighted');
  assert(counts.tr > 0, 'no event trigger highlighted');
  assert(a.times.length === 0 || counts.t > 0, 'times not highlighted');
  assert(a.quotes.length === 0 || counts.q > 0, 'quotes not highlighted');
  assert(counts.items === a.events.length, `${counts.items} events listed, analysis has ${a.events.length}`);
  assert(ARABIC.test(counts.legend) && counts.legend.includes('الكيانات'), 'legend missing');
  // Each event's button lights exactly its trigger (and other mentions):
  // offsets are code points, so this fails if they were read as UTF-16 units.
  for (const ev of a.events) {
    await page.click(`li.doc-event[data-ev="${ev.id}"] button.show-trigger`);
    const lit = await page.$$eval('.doc-text .hl.tr.active', (els) => els.map((e) => e.textContent).join(''));
    const mentions = (ev.mentions && ev.mentions.length ? ev.mentions : [ev.trigger]).map((m) => m.text).join('');
    assert(lit === mentions, `event ${ev.id}: lit «${lit}», trigger «${mentions}»`);
  }
  // Every entity's text is inside highlighted spans at its place.
  const cps = Array.from(doc.text);
  for (const e of a.entities) {
    assert(cps.slice(e.start, e.end).join('') === e.text, `API entity ${e.id} offsets`);
  }
  return doc;
}

await check('document view highlights entities, times, quotes and triggers', async () => {
  await checkDocument('02_visit_talks');
  await page.click('li.doc-event:nth-child(3) button.show-trigger');
  await shot(page, '05-document');
});

await check('document with emoji and markup: code-point offsets, text stays text', async () => {
  const doc = await checkDocument('web-test-hostile');
  const info = await page.evaluate(() => ({
    pwned: window.__pwned,
    injected: document.querySelectorAll('main img, main script, main b[onmouseover], main i').length,
    h1: document.querySelector('.doc-head h1').textContent,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    source: document.querySelector('.doc-head .source')?.textContent,
  }));
  assert(info.pwned === undefined, `script ran: ${info.pwned}`);
  assert(info.injected === 0, 'markup from the article became elements');
  assert(info.h1 === doc.title, 'title not shown literally');
  assert(info.jsLinks === 0, 'a javascript: URL became a link');
  assert(info.source === doc.source, 'source not shown literally');
  // Hovering the would-be <b onmouseover> must not run anything either.
  await page.hover('.doc-text');
  assert(await page.evaluate(() => window.__pwned) === undefined, 'script ran on hover');
  await shot(page, '05b-document-hostile', false);
  await open(page, `#/search?q=${encodeURIComponent('تصعيد')}`);
  const snippetInfo = await page.evaluate(() => ({
    elements: document.querySelectorAll('.snippet *:not(mark)').length,
    pwned: window.__pwned,
  }));
  assert(snippetInfo.elements === 0 && snippetInfo.pwned === undefined, 'snippet markup became elements');
});

await check('opening an unknown document shows an Arabic not-found message', async () => {
  await open(page, '#/doc/no-such-document');
  const text = await page.textContent('.error[role=alert]');
  assert(ARABIC.test(text) && text.includes('غير موجود'), `message: ${text}`);
});

await check('timeline shows an SVG with bars stacked by CAMEO root', async () => {
  await open(page, '#/timeline');
  const bars = await page.$$eval('svg.timeline-chart rect.bar', (rs) => rs.map((r) => ({
    day: r.dataset.day, root: r.dataset.root, events: Number(r.dataset.events), height: Number(r.getAttribute('height')),
  })));
  assert(bars.length > 0, 'no bars');
  assert(bars.every((b) => b.height > 0), 'a bar without height');
  const days = (await api('/api/timeline')).body.days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day));
  const apiSum = days.reduce((s, d) => s + d.events, 0);
  const shown = bars.reduce((s, b) => s + b.events, 0);
  assert(shown === apiSum, `bars hold ${shown} events, API ${apiSum}`);
  const legend = await page.$$eval('.timeline-legend li', (ls) => ls.map((l) => l.textContent));
  assert(legend.length === new Set(bars.map((b) => b.root)).size, 'legend does not list every root shown');
  assert(legend.every((t) => ARABIC.test(t)), 'legend not in Arabic');
  await shot(page, '06-timeline');
  // The same filters as the events table.
  await open(page, '#/timeline?root=04');
  const roots = await page.$$eval('svg.timeline-chart rect.bar', (rs) => [...new Set(rs.map((r) => r.dataset.root))]);
  assert(roots.length === 1 && roots[0] === '04', `root filter shows roots ${roots}`);
});

await check('graph shows actor nodes and event edges; a node filters the events', async () => {
  await open(page, '#/graph');
  const g = await page.evaluate(() => ({
    nodes: [...document.querySelectorAll('svg.graph-chart .node')].map((n) => n.dataset.id),
    events: document.querySelectorAll('svg.graph-chart path.edge.event').length,
    arrows: document.querySelectorAll('svg.graph-chart path.edge.event[marker-end]').length,
    relations: document.querySelectorAll('svg.graph-chart .edge.relation').length,
    labels: [...document.querySelectorAll('svg.graph-chart .node text.label:not(.code)')].map((t) => t.textContent),
  }));
  const data = (await api('/api/graph')).body;
  assert(g.nodes.length > 0 && g.events > 0, `${g.nodes.length} nodes, ${g.events} edges`);
  assert(g.arrows === g.events, 'event edges without arrows');
  for (const nd of data.nodes.slice(0, 150)) assert(g.nodes.includes(nd.id), `node ${nd.id} missing`);
  const relations = data.edges.filter((e) => e.kind !== 'event').length;
  assert(g.relations === relations, `${g.relations} relation edges, API ${relations}`);
  assert(g.labels.some((t) => ARABIC.test(t)), 'no Arabic node label');
  await shot(page, '07-graph');
  const busiest = [...data.nodes].sort((a, b) => b.events - a.events)[0].id;
  await page.click(`svg.graph-chart .node[data-id="${busiest}"] circle`);
  await page.waitForFunction((id) => location.hash.startsWith('#/events') && location.hash.includes(`actor=${id}`), busiest);
  await ready(page);
  const rows = await eventRows();
  assert(rows.length > 0, 'no events for the clicked actor');
  assert(rows.every((r) => r.source.startsWith(busiest) || r.target.startsWith(busiest)), 'a row without the actor');
});

await check('invalid search (unbalanced quote) shows an Arabic error message', async () => {
  await open(page, '#/search');
  await page.fill('input#q', '"روسيا');
  await page.press('input#q', 'Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/search?q='));
  await ready(page);
  const box = await page.$('.error[role=alert]');
  assert(box, 'no error box');
  const text = await box.textContent();
  assert(ARABIC.test(text) && text.includes('التنصيص'), `message: ${text}`);
  assert(await page.isVisible('input#q'), 'the search box is gone');
  await shot(page, '08-error-query', false);
  await open(page, '#/events?from=' + encodeURIComponent('أمس'));
  const dateError = await page.textContent('.error[role=alert]');
  assert(dateError.includes('من تاريخ'), `bad date message: ${dateError}`);
});

// ---------------------------------------------------------------------------
const phone = await newPage(browser, PHONE);
await check('phone (390x844): search box visible, no horizontal scrolling', async () => {
  const views = [
    ['#/', '09-phone-home'],
    [`#/search?q=${encodeURIComponent('موسكو')}`, '09-phone-search'],
    ['#/events', '09-phone-events'],
    ['#/doc/02_visit_talks', '09-phone-document'],
    ['#/timeline', '09-phone-timeline'],
    ['#/graph', '09-phone-graph'],
  ];
  for (const [hash, name] of views) {
    await open(phone, hash);
    assert(await noHorizontalScroll(phone), `${hash} scrolls horizontally`);
    await shot(phone, name, false);
  }
  await open(phone, '#/');
  const box = await phone.locator('input#q').boundingBox();
  assert(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height,
    `search box at ${JSON.stringify(box)}`);
  assert(box.width >= 200, `search box only ${box.width}px wide`);
});

await check('no script errors in the pages', async () => {
  assert(scriptErrors.length === 0, scriptErrors.join(' | '));
});

await browser.close();
console.log(`${passes} passed, ${failures} failed; screenshots in ${artifacts}`);
process.exit(failures ? 1 : 0);
