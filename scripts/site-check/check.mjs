#!/usr/bin/env node
// Checks a built web edition (output/site/) the way a reader's browser sees it:
// serves DIR on 127.0.0.1, opens every .html page under it in headless
// Chromium at 390 and 1280 px, runs axe-core (WCAG 2.1 A/AA + best practices)
// and records every request to a host other than 127.0.0.1.
//
//   node scripts/site-check/check.mjs DIR [--screenshots OUTDIR PAGE...]
//
// Prints a JSON report on stdout:
//   {"pages": N,
//    "violations": [{"page", "width", "id", "impact", "help", "nodes": [selector...]}],
//    "thirdParty": [{"page", "url"}],
//    "fonts": [{"family", "weight", "style", "status"}]}
// where fonts are the @font-face faces of the pages, each loaded by
// Chromium (through its font sanitiser) to see whether it is accepted,
// and a short summary on stderr. Exit status: 0 when the first two lists
// are empty and no face failed to load, 1 when not, 2 on a setup error (no DIR, no page, no Chromium, a
// page that fails to load).
//
// Environment: SITE_CHECK_CHROMIUM (default /usr/bin/chromium),
// SITE_CHECK_JOBS (pages checked at once, default 2).
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.SITE_CHECK_CHROMIUM || '/usr/bin/chromium';
const JOBS = Math.max(1, Number.parseInt(process.env.SITE_CHECK_JOBS || '2', 10) || 2);
const WIDTHS = [390, 1280];
const HEIGHTS = { 390: 844, 1280: 800 };
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
};
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
};

class SetupError extends Error {}

function usage() {
  return 'usage: node scripts/site-check/check.mjs DIR [--screenshots OUTDIR PAGE...]';
}

function parseArgs(argv) {
  const args = { dir: null, shotDir: null, shotPages: [] };
  const rest = [...argv];
  while (rest.length) {
    const a = rest.shift();
    if (a === '--screenshots') {
      args.shotDir = rest.shift();
      if (!args.shotDir) throw new SetupError('--screenshots needs OUTDIR');
      while (rest.length && !rest[0].startsWith('--')) args.shotPages.push(rest.shift());
      if (!args.shotPages.length) throw new SetupError('--screenshots needs at least one PAGE');
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(usage() + '\n');
      process.exit(0);
    } else if (a.startsWith('--') || args.dir) {
      throw new SetupError(`unexpected argument ${a}\n${usage()}`);
    } else {
      args.dir = a;
    }
  }
  if (!args.dir) throw new SetupError(usage());
  return args;
}

// Every .html file under root, as sorted paths relative to it with '/'.
async function listPages(root) {
  const out = [];
  async function walk(rel) {
    const entries = await fsp.readdir(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.html')) out.push(r);
    }
  }
  await walk('');
  return out.sort();
}

// A static file server for root on 127.0.0.1 that never serves anything
// outside root (no '..', no symlink leaving it).
function serve(root) {
  const server = http.createServer(async (req, res) => {
    const send = (code, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(code, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
      let rel;
      try {
        rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      } catch {
        return send(400, 'bad request\n');
      }
      if (rel.includes('\0')) return send(400, 'bad request\n');
      let file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
      if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden\n');
      let st;
      try {
        st = await fsp.stat(file);
        if (st.isDirectory()) {
          file = path.join(file, 'index.html');
          st = await fsp.stat(file);
        }
        const real = await fsp.realpath(file);
        if (real !== root && !real.startsWith(root + path.sep)) return send(403, 'forbidden\n');
      } catch {
        return send(404, 'not found\n');
      }
      if (!st.isFile()) return send(404, 'not found\n');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch (err) {
      if (!res.headersSent) send(500, 'internal error\n');
      else res.destroy(err);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function pageURL(base, rel) {
  return base + rel.split('/').map(encodeURIComponent).join('/');
}

function shotName(rel) {
  return rel.replace(/\.html$/i, '').split('/').join('_');
}

// axe gives a node's target as a list of selectors (one per frame or shadow
// root crossed), each a string or, for shadow DOM, a list.
function selector(target) {
  return target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let root;
  try {
    root = await fsp.realpath(path.resolve(args.dir));
    if (!(await fsp.stat(root)).isDirectory()) throw new Error();
  } catch {
    throw new SetupError(`${args.dir}: no such directory`);
  }
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
  } catch {
    throw new SetupError(`${CHROMIUM} not found: install Debian's chromium (scripts/ensure-tools.sh does)`);
  }
  const axePath = path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
  let axeSource;
  try {
    axeSource = await fsp.readFile(axePath, 'utf8');
  } catch {
    throw new SetupError(`${axePath} missing: run npm ci in scripts/site-check (scripts/ensure-tools.sh does)`);
  }
  const pages = await listPages(root);
  if (!pages.length) throw new SetupError(`${args.dir}: no .html file`);
  const shots = new Set(args.shotPages.map((p) => p.split(path.sep).join('/').replace(/^\.\//, '')));
  for (const p of shots) if (!pages.includes(p)) throw new SetupError(`--screenshots: ${p} is not a page under ${args.dir}`);
  if (shots.size) await fsp.mkdir(args.shotDir, { recursive: true });

  const started = Date.now();
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'site-check-chromium-'));
  let browser;
  const violations = [];
  const thirdParty = [];
  const warnings = [];
  const fonts = new Map(); // "family weight style" -> status
  try {
    try {
      browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: true,
        pipe: true,
        args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
      });
    } catch (err) {
      throw new SetupError(`cannot start ${CHROMIUM}: ${err.message}`);
    }
    const queue = [...pages];
    const worker = async () => {
      const tab = await browser.newPage();
      await tab.setBypassCSP(true); // so that axe can be injected inline under a strict CSP
      await tab.setRequestInterception(true);
      let current = null; // { rel, seen: Set of third-party URLs }
      tab.on('request', (req) => {
        const url = req.url();
        let u;
        try {
          u = new URL(url);
        } catch {
          return req.continue();
        }
        const local = ['data:', 'blob:', 'about:'].includes(u.protocol) || u.hostname === '127.0.0.1';
        if (local) return req.continue();
        if (current && !current.seen.has(url)) {
          current.seen.add(url);
          thirdParty.push({ page: current.rel, url });
        }
        return req.abort('blockedbyclient');
      });
      tab.on('response', (resp) => {
        // (Chromium asks for /favicon.ico by itself when a page names no icon.)
        if (current && resp.status() >= 400 && resp.url().startsWith(base) && resp.url() !== base + 'favicon.ico')
          warnings.push(`${current.rel}: ${resp.status()} for ${resp.url().slice(base.length - 1)}`);
      });
      tab.on('pageerror', (err) => current && warnings.push(`${current.rel}: script error: ${err.message}`));
      while (queue.length) {
        const rel = queue.shift();
        current = { rel, seen: new Set() };
        for (const width of WIDTHS) {
          await tab.setViewport({ width, height: HEIGHTS[width] });
          const resp = await tab.goto(pageURL(base, rel), { waitUntil: 'load', timeout: 30000 }).catch((err) => {
            throw new SetupError(`${rel}: cannot load: ${err.message}`);
          });
          if (!resp || !resp.ok()) throw new SetupError(`${rel}: HTTP ${resp ? resp.status() : '?'}`);
          await tab.evaluate(() => document.fonts.ready.then(() => undefined));
          // Every face the style sheet declares, loaded now (a face no
          // text uses yet is loaded lazily), so that a file the browser
          // rejects shows.
          const faces = await tab.evaluate(async () => {
            const all = [...document.fonts];
            await Promise.allSettled(all.map((f) => f.load()));
            return all.map((f) => ({ family: f.family.replace(/"/g, ''), weight: f.weight, style: f.style, status: f.status }));
          });
          for (const f of faces) {
            const key = `${f.family} ${f.weight} ${f.style}`;
            if (fonts.get(key) !== 'error') fonts.set(key, f.status);
          }
          if (shots.has(rel)) {
            await tab.screenshot({
              path: path.join(args.shotDir, `${shotName(rel)}-${width}.png`),
              fullPage: true,
            });
          }
          await tab.addScriptTag({ content: axeSource });
          const found = await tab.evaluate(async (opts) => {
            const r = await window.axe.run(document, opts);
            return r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
            }));
          }, AXE_OPTIONS);
          for (const v of found) {
            violations.push({
              page: rel,
              width,
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.map((n) => selector(n.target)),
            });
            for (const n of v.nodes)
              warnings.push(`${rel} @${width}px ${v.id}: ${selector(n.target)}: ${(n.summary || '').replace(/\s+/g, ' ')}`);
          }
        }
      }
      current = null;
      await tab.close();
    };
    await Promise.all(Array.from({ length: Math.min(JOBS, pages.length) }, worker));
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.close();
    await fsp.rm(profile, { recursive: true, force: true }).catch(() => {});
  }

  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  violations.sort((a, b) => cmp(a.page, b.page) || a.width - b.width || cmp(a.id, b.id));
  thirdParty.sort((a, b) => cmp(a.page, b.page) || cmp(a.url, b.url));
  const fontList = [...fonts.keys()].sort().map((k) => {
    const [family, weight, style] = k.split(' ');
    return { family, weight, style, status: fonts.get(k) };
  });
  const fontErrors = fontList.filter((f) => f.status !== 'loaded');
  process.stdout.write(JSON.stringify({ pages: pages.length, violations, thirdParty, fonts: fontList }, null, 2) + '\n');
  for (const w of warnings) process.stderr.write(`site-check: ${w}\n`);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `site-check: ${pages.length} pages x ${WIDTHS.length} widths, ${violations.length} axe violations, ` +
      `${thirdParty.length} third-party requests, ${fontList.length - fontErrors.length}/${fontList.length} fonts loaded, ${secs} s\n`,
  );
  return violations.length || thirdParty.length || fontErrors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`site-check: ${err instanceof SetupError ? err.message : err.stack || err}\n`);
    process.exit(2);
  },
);
