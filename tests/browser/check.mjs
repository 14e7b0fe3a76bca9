#!/usr/bin/env node
// node tests/browser/check.mjs PAGE.html OUTDIR
//
// Opens PAGE.html from file:// in Debian's headless chromium (through puppeteer-core, no
// browser download), with every request that is not file: or data: aborted and recorded,
// and prints one JSON object on stdout: the requests the page tried, page and table overflow
// and a full-page screenshot (OUTDIR/<name>-<width>.png) at 1280 and 390 CSS px, the body
// text, every table's cells, axe-core's violations, and <html lang>, <title> and the meta
// names. Exit status 0 when it ran, whatever it found; 2 with a message on stderr when it
// could not (no chromium, no page, a browser error).
//
// CHROMIUM overrides the browser binary (default /usr/bin/chromium). The page's fonts are
// the machine's plus the repository's fonts/ folder, with the official family names
// (仿宋_GB2312, 黑体, 楷体_GB2312, 宋体, 方正小标宋简体) aliased to the bundled stand-ins
// as the PDF uses them, through a fontconfig file written to the run's scratch folder.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const WIDTHS = [1280, 390];
const HEIGHT = 900;

function fail(message) {
  process.stderr.write(`check.mjs: ${message}\n`);
  process.exit(2);
}

const [pageArg, outArg] = process.argv.slice(2);
if (!pageArg || !outArg || process.argv.length > 4) {
  fail('usage: node tests/browser/check.mjs PAGE.html OUTDIR');
}
const page = path.resolve(pageArg);
const outDir = path.resolve(outArg);
if (!fs.existsSync(page) || !fs.statSync(page).isFile()) fail(`no page at ${page}`);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) fail(`no chromium at ${chromium} (apt-get install chromium)`);
const axePath = path.join(here, 'node_modules/axe-core/axe.min.js');
let puppeteer;
try {
  puppeteer = (await import('puppeteer-core')).default;
} catch (e) {
  fail(`puppeteer-core is not installed (cd tests/browser && PUPPETEER_SKIP_DOWNLOAD=1 npm ci): ${e.message}`);
}
if (!fs.existsSync(axePath)) fail(`axe-core is not installed at ${axePath} (npm ci)`);
fs.mkdirSync(outDir, { recursive: true });

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'report-browser-'));
const fontDir = path.resolve(here, '../../fonts');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const aliases = [
  ['仿宋_GB2312', 'FandolFang R'],
  ['仿宋', 'FandolFang R'],
  ['FangSong', 'FandolFang R'],
  ['黑体', 'Noto Sans CJK SC'],
  ['SimHei', 'Noto Sans CJK SC'],
  ['楷体_GB2312', 'AR PL KaitiM GB'],
  ['楷体', 'AR PL KaitiM GB'],
  ['KaiTi', 'AR PL KaitiM GB'],
  ['宋体', 'Noto Serif CJK SC'],
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['方正小标宋_GBK', 'Noto Serif CJK SC'],
  ['Times New Roman', 'Liberation Serif'],
];
fs.writeFileSync(
  path.join(scratch, 'fonts.conf'),
  `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${fs.existsSync(fontDir) ? `<dir>${esc(fontDir)}</dir>` : ''}
<cachedir>${esc(path.join(scratch, 'fc-cache'))}</cachedir>
${aliases.map(([a, b]) => `<alias binding="same"><family>${esc(a)}</family><prefer><family>${esc(b)}</family></prefer></alias>`).join('\n')}
</fontconfig>
`,
);

const name = path.basename(page).replace(/\.[^.]*$/, '');
const result = {
  page,
  requests: [],
  errors: [],
  lang: null,
  title: null,
  meta: [],
  widths: [],
  text: '',
  tables: [],
  axe: [],
};

// 'page' while the page loads and is measured, 'axe' once axe-core runs (it fetches the
// page's external style sheets itself).
let phase = 'page';
let browser;
try {
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: path.join(scratch, 'profile'),
    env: { ...process.env, FONTCONFIG_FILE: path.join(scratch, 'fonts.conf') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--font-render-hinting=none',
      // Nothing resolves: what request interception does not see (WebSockets, preconnect)
      // cannot leave the machine either.
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });
  const tab = await browser.newPage();
  await tab.setRequestInterception(true);
  tab.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('file:') || url.startsWith('data:')) {
      req.continue();
    } else {
      result.requests.push({ url, type: req.resourceType(), phase });
      req.abort('blockedbyclient');
    }
  });
  // WebSockets do not pass through request interception: recorded from the protocol.
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketCreated', (e) => result.requests.push({ url: e.url, type: 'websocket', phase }));
  tab.on('pageerror', (e) => result.errors.push(`pageerror: ${e.message}`));
  tab.on('console', (m) => {
    if (m.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT|ERR_NAME_NOT_RESOLVED/.test(m.text())) {
      result.errors.push(`console: ${m.text()}`);
    }
  });

  for (const width of WIDTHS) {
    await tab.setViewport({ width, height: HEIGHT, deviceScaleFactor: 1 });
    if (width === WIDTHS[0]) {
      const response = await tab.goto(pathToFileURL(page).href, { waitUntil: 'load', timeout: 30000 });
      if (response && !response.ok()) throw new Error(`could not open ${page}: ${response.status()}`);
      await tab.evaluate(() => document.fonts.ready);
    } else {
      await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const measured = await tab.evaluate(() => {
      const doc = document.documentElement;
      const tables = [...document.querySelectorAll('table')].map((table, index) => {
        const box = table.parentElement;
        const ox = box ? getComputedStyle(box).overflowX : 'visible';
        const inScrollBox = ox === 'auto' || ox === 'scroll';
        const rect = table.getBoundingClientRect();
        return {
          index,
          width: Math.ceil(rect.width),
          right: Math.ceil(rect.right + window.scrollX),
          inScrollBox,
          // The scroll box is what overflows: the table is wider than its box, which scrolls.
          boxOverflows: inScrollBox ? box.scrollWidth > box.clientWidth : false,
          boxWidth: box ? box.clientWidth : null,
          // The table itself sticks out of the page's viewport (it breaks the page).
          pastViewport: !inScrollBox && Math.ceil(rect.right + window.scrollX) > doc.clientWidth,
        };
      });
      return {
        viewport: window.innerWidth,
        clientWidth: doc.clientWidth,
        scrollWidth: Math.max(doc.scrollWidth, document.body ? document.body.scrollWidth : 0),
        tables,
      };
    });
    const screenshot = path.join(outDir, `${name}-${width}.png`);
    await tab.screenshot({ path: screenshot, fullPage: true, captureBeyondViewport: true });
    result.widths.push({
      width,
      viewport: measured.viewport,
      clientWidth: measured.clientWidth,
      scrollWidth: measured.scrollWidth,
      overflows: measured.scrollWidth > measured.clientWidth,
      screenshot,
      tables: measured.tables,
    });
  }

  Object.assign(
    result,
    await tab.evaluate(() => {
      const cellText = (el) => el.innerText.trim();
      return {
        lang: document.documentElement.getAttribute('lang'),
        title: document.querySelector('head > title') ? document.title : null,
        meta: [...document.querySelectorAll('meta[name]')].map((m) => m.getAttribute('name')),
        text: document.body ? document.body.innerText : '',
        // The text outside the tables (each table hidden while it is read), to compare
        // with a PDF's prose, where a table's cells are read out in another order.
        prose: (() => {
          if (!document.body) return '';
          const tables = [...document.querySelectorAll('table')];
          const shown = tables.map((t) => t.style.display);
          tables.forEach((t) => (t.style.display = 'none'));
          const prose = document.body.innerText;
          tables.forEach((t, i) => (t.style.display = shown[i]));
          return prose;
        })(),
        // Every address in the markup or its CSS that is not relative, file:, data: or a
        // fragment: what the request log cannot see (a link not followed, preconnect hints,
        // a WebSocket), with the element and attribute that hold it (an <a href> to another
        // site is a link, not a fetch: the tests decide).
        references: (() => {
          const refs = [];
          const external = (u) => /^\s*([a-z][a-z0-9+.-]*:|\/\/)/i.test(u) && !/^\s*(file|data|about|javascript|mailto|tel):/i.test(u);
          const attrs = ['src', 'href', 'srcset', 'poster', 'data', 'action', 'formaction', 'background', 'cite', 'xlink:href'];
          for (const el of document.querySelectorAll('*')) {
            for (const a of attrs) {
              const v = el.getAttribute(a);
              if (v === null) continue;
              const urls = a === 'srcset' ? v.split(',').map((s) => s.trim().split(/\s+/)[0]) : [v];
              for (const u of urls) if (external(u)) refs.push({ tag: el.localName, attr: a, url: u.trim() });
            }
          }
          const css = [...document.querySelectorAll('style')].map((s) => ['style', s.textContent]).concat(
            [...document.querySelectorAll('[style]')].map((el) => [el.localName, el.getAttribute('style')]),
          );
          for (const [tag, text] of css) {
            for (const m of text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3/gi)) {
              const u = m[2] ?? m[4];
              if (external(u)) refs.push({ tag, attr: 'css', url: u.trim() });
            }
          }
          return refs;
        })(),
        duplicateIds: Object.entries(
          [...document.querySelectorAll('[id]')].reduce((n, el) => ((n[el.id] = (n[el.id] || 0) + 1), n), {}),
        )
          .filter(([, n]) => n > 1)
          .map(([id]) => id),
        tables: [...document.querySelectorAll('table')].map((table) => ({
          caption: table.caption ? cellText(table.caption) : null,
          rows: [...table.rows].map((row) =>
            [...row.cells].map((cell) => {
              const c = { text: cellText(cell), colspan: cell.colSpan, rowspan: cell.rowSpan, th: cell.tagName === 'TH' };
              if (c.th) c.scope = cell.getAttribute('scope');
              return c;
            }),
          ),
        })),
      };
    }),
  );

  phase = 'axe';
  await tab.addScriptTag({ content: fs.readFileSync(axePath, 'utf8') });
  const axe = await tab.evaluate(async () => {
    const rules = {};
    for (const r of window.axe.getRules(['wcag2a', 'wcag2aa'])) rules[r.ruleId] = { enabled: true };
    const run = await window.axe.run(document, { rules, resultTypes: ['violations'] });
    return {
      version: window.axe.version,
      violations: run.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        tags: v.tags,
        nodes: v.nodes.length,
        target: v.nodes[0] ? v.nodes[0].target.join(' ') : null,
      })),
    };
  });
  result.axeVersion = axe.version;
  result.axe = axe.violations;
} catch (e) {
  if (browser) await browser.close().catch(() => {});
  fs.rmSync(scratch, { recursive: true, force: true });
  fail(`chromium: ${e.message}`);
}
await browser.close();
fs.rmSync(scratch, { recursive: true, force: true });
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
