import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import { generateDataset } from '../src/testing/generate';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { median, percentile, filterChanges, type FilterChange } from './bench-plan';
import { maxOf } from '../src/lib/bounds';

/**
 * `npm run bench`: builds the app, generates 1k / 10k / 100k-record datasets, serves them with
 * `vite preview`, and measures in Chromium: time to the first full render, filter changes (median
 * and p95), peak JS heap, and the gzip size of the JavaScript the first view loads; then a
 * Lighthouse desktop performance score on the default dataset. Prints a table and writes
 * bench-results/latest.json.
 */
const OUT_DIR = '.bench-dist';
const VIEWPORT = { width: 1440, height: 900 };
const LIGHTHOUSE_RUNS = 3;
/** Recharts animates a change for 1.5 s; the next change waits for that to end. */
const SETTLE_MS = 1600;
const SIZES = [
  { label: '1k', records: 1_000, seed: 101 },
  { label: '10k', records: 10_000, seed: 102 },
  { label: '100k', records: 100_000, seed: 103 },
];
const TARGETS = {
  firstRender: { '10k': 1500, '100k': 3000 } as Record<string, number>,
  filterMedian: { '10k': 16, '100k': 50 } as Record<string, number>,
  firstViewJsKb: 200,
  lighthouse: 95,
};

const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: {
    sizes: { type: 'string', default: SIZES.map((s) => s.label).join(',') },
    loads: { type: 'string', default: '3' },
    changes: { type: 'string', default: '24' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '' },
    'skip-build': { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});

const log = (msg: string) => console.log(`bench: ${msg}`);

async function freePort(preferred: number | null): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const got = (server.address() as { port: number }).port;
        server.close(() => resolve(got));
      });
    });
  if (preferred !== null) {
    const got = await tryPort(preferred);
    if (got !== null) return got;
  }
  return (await tryPort(0)) as number;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function build(): void {
  log(`building into ${OUT_DIR}/`);
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

function writeDatasets(sizes: typeof SIZES): Map<string, { path: string; bytes: number; dataset: ReturnType<typeof generateDataset> }> {
  const dir = join(OUT_DIR, 'bench');
  mkdirSync(dir, { recursive: true });
  const out = new Map<string, { path: string; bytes: number; dataset: ReturnType<typeof generateDataset> }>();
  for (const size of sizes) {
    const dataset = generateDataset({ records: size.records, seed: size.seed });
    const json = JSON.stringify(dataset);
    writeFileSync(join(dir, `${size.label}.json`), json);
    out.set(size.label, { path: `/bench/${size.label}.json`, bytes: Buffer.byteLength(json), dataset });
    log(`dataset ${size.label}: ${(Buffer.byteLength(json) / 1e6).toFixed(1)} MB`);
  }
  return out;
}

/** Samples the page's JS heap (main thread) until stopped; returns the peak in bytes. */
function heapSampler(page: Page) {
  let peak = 0;
  let running = true;
  const done = (async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    while (running) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        if (used > peak) peak = used;
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await cdp.detach().catch(() => undefined);
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return peak;
    },
  };
}

interface LoadResult {
  /** Navigation start to the first commit with data, ms. */
  commit: number;
  /** Navigation start to the end of the first frame painted after it, ms. */
  painted: number;
  /** Navigation start to: the dataset received, checked, indexed (ms). */
  phases: { fetched: number; validated: number; indexed: number };
  scripts: { url: string; bytes: number; gzip: number }[];
}

/** Opens the dashboard and waits until every panel has rendered the data and that frame is painted. */
async function openAndWait(page: Page, url: string): Promise<LoadResult> {
  const scripts: LoadResult['scripts'] = [];
  const pending: Promise<void>[] = [];
  let loading = true;
  const onResponse = (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    const isScript = response.request().resourceType() === 'script' || /javascript/.test(type) || /\.m?js(\?|$)/.test(response.url());
    if (!loading || !isScript) return;
    pending.push(
      response
        .body()
        .then(
          (body) =>
            void scripts.push({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        )
        .catch(() => undefined),
    );
  };
  page.context().on('response', onResponse);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction("Number(document.documentElement.dataset.rendered || '0') >= 1", null, { timeout: 120_000, polling: 20 });
  const times = (await page.evaluate(`new Promise((resolve) => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const commit = at('dashboard-ready');
    const data = performance.getEntriesByType('resource').find((r) => r.name.includes(${JSON.stringify(new URL(url).searchParams.get('dataset') ?? '/data/')}));
    const phases = { fetched: data ? data.responseEnd : NaN, validated: at('dataset-validated'), indexed: at('dataset-indexed') };
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ commit, painted: performance.now(), phases });
      channel.port2.postMessage(0);
    });
  })`)) as Omit<LoadResult, 'scripts'>;
  loading = false;
  page.context().off('response', onResponse);
  await Promise.all(pending);
  return { ...times, scripts };
}

interface ChangeResult {
  kind: FilterChange['kind'];
  /** The change to the commit of the updated render. */
  commit: number;
  /** The change to the end of the frame that shows it: script, style, layout and paint. */
  painted: number;
}

/**
 * One filter change, made the way the app's own links make it (history + popstate), at the start of
 * a frame, so that the measured time is the work done before that frame is painted and not the wait
 * for the next vsync.
 */
async function change(page: Page, query: string, kind: FilterChange['kind']): Promise<ChangeResult> {
  const times = (await page.evaluate(`(${IN_PAGE_CHANGE})(${JSON.stringify(query)})`)) as { commit: number; painted: number };
  return { kind, ...times };
}

// Plain JavaScript run in the page (kept as text so the TypeScript loader adds no helpers to it).
const IN_PAGE_CHANGE = `(q) => new Promise((resolve, reject) => {
  const root = document.documentElement;
  const before = Number(root.dataset.rendered || '0');
  let t0 = 0;
  let commit = NaN;
  let painted = NaN;
  const afterFrame = (then) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(0);
  });
  const finish = () => {
    if (Number.isNaN(commit) || Number.isNaN(painted)) return;
    if (painted < commit) afterFrame(() => resolve({ commit: commit - t0, painted: performance.now() - t0 }));
    else resolve({ commit: commit - t0, painted: painted - t0 });
  };
  const observer = new MutationObserver(() => {
    if (Number(root.dataset.rendered || '0') <= before) return;
    commit = performance.now();
    observer.disconnect();
    finish();
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-rendered'] });
  setTimeout(() => reject(new Error('no render after changing to ?' + q)), 60000);
  requestAnimationFrame(() => {
    t0 = performance.now();
    history.pushState(null, '', location.pathname + '?' + q);
    dispatchEvent(new PopStateEvent('popstate'));
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      painted = performance.now();
      finish();
    };
    channel.port2.postMessage(0);
  });
})`;

interface SizeResult {
  label: string;
  records: number;
  datasetMB: number;
  firstRender: {
    medianMs: number;
    runsMs: number[];
    commitMs: number[];
    /** Medians, from navigation start: dataset received, checked, indexed. */
    phasesMs: { fetched: number; validated: number; indexed: number };
  };
  filterChange: {
    medianMs: number;
    p95Ms: number;
    commitMedianMs: number;
    commitP95Ms: number;
    byKind: Record<string, { medianMs: number; p95Ms: number; n: number }>;
    n: number;
  };
  heapPeakMB: number;
  firstViewJs: {
    /** Every script loaded until all panels (charts included) were drawn. */
    gzipKB: number;
    rawKB: number;
    /** Those the page needs before it can show the data: the HTML's own scripts and the validation worker. */
    beforeDataGzipKB: number;
    files: { url: string; gzipKB: number; beforeData: boolean }[];
  };
}

async function benchSize(
  browser: Browser,
  base: string,
  size: (typeof SIZES)[number],
  data: { path: string; bytes: number; dataset: ReturnType<typeof generateDataset> },
): Promise<SizeResult> {
  const loads = Math.max(1, Number(opts.loads));
  const runs: LoadResult[] = [];
  let heapPeak = 0;
  const plan = filterChanges(data.dataset, Math.max(20, Number(opts.changes)));
  const changes: ChangeResult[] = [];
  for (let i = 0; i < loads; i++) {
    // The app's CSP forbids eval, which Playwright needs for the in-page timing code.
    const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`page error (${size.label}): ${e.message}`));
    const heap = heapSampler(page);
    const url = `${base}/?dataset=${encodeURIComponent(data.path)}`;
    runs.push(await openAndWait(page, url));
    // Filter changes on the last load only: by then the browser's caches are as warm as a returning user's.
    if (i === loads - 1) {
      for (const warm of plan.slice(0, 3)) await change(page, `dataset=${encodeURIComponent(data.path)}&${warm.query}`, warm.kind);
      for (const step of plan) {
        // As a reader would: the previous change has settled (its chart animations are over).
        await page.waitForTimeout(SETTLE_MS);
        changes.push(await change(page, `dataset=${encodeURIComponent(data.path)}&${step.query}`, step.kind));
      }
    }
    heapPeak = Math.max(heapPeak, await heap.stop());
    await context.close();
  }
  const painted = runs.map((r) => r.painted);
  const first = runs[0];
  const gzip = first.scripts.reduce((n, s) => n + s.gzip, 0);
  const raw = first.scripts.reduce((n, s) => n + s.bytes, 0);
  const byKind: SizeResult['filterChange']['byKind'] = {};
  for (const kind of new Set(changes.map((c) => c.kind))) {
    const xs = changes.filter((c) => c.kind === kind).map((c) => c.painted);
    byKind[kind] = { medianMs: median(xs), p95Ms: percentile(xs, 95), n: xs.length };
  }
  return {
    label: size.label,
    records: size.records,
    datasetMB: data.bytes / 1e6,
    firstRender: {
      medianMs: median(painted),
      runsMs: painted,
      commitMs: runs.map((r) => r.commit),
      phasesMs: {
        fetched: median(runs.map((r) => r.phases.fetched)),
        validated: median(runs.map((r) => r.phases.validated)),
        indexed: median(runs.map((r) => r.phases.indexed)),
      },
    },
    filterChange: {
      medianMs: median(changes.map((c) => c.painted)),
      p95Ms: percentile(
        changes.map((c) => c.painted),
        95,
      ),
      commitMedianMs: median(changes.map((c) => c.commit)),
      commitP95Ms: percentile(
        changes.map((c) => c.commit),
        95,
      ),
      byKind,
      n: changes.length,
    },
    heapPeakMB: heapPeak / 1e6,
    firstViewJs: {
      gzipKB: gzip / 1024,
      rawKB: raw / 1024,
      beforeDataGzipKB: first.scripts.filter((s) => critical(s.url)).reduce((n, s) => n + s.gzip, 0) / 1024,
      files: first.scripts.map((s) => ({ url: s.url, gzipKB: s.gzip / 1024, beforeData: critical(s.url) })),
    },
  };
}

/** Scripts the built index.html loads itself (entry and module preloads); the rest are loaded by the app. */
let htmlScripts: Set<string> | null = null;
function critical(path: string): boolean {
  htmlScripts ??= new Set(
    [
      ...readFileSync(join(OUT_DIR, 'index.html'), 'utf8').matchAll(
        /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g,
      ),
    ].map((m) => m[1]),
  );
  return htmlScripts.has(path) || /validate\.worker/.test(path);
}

async function lighthouseScore(url: string) {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const port = await freePort(null);
  const profile = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const browser = spawn(
    chromiumPath() ?? chromium.executablePath(),
    [...CHROMIUM_ARGS, '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  try {
    await waitFor(`http://127.0.0.1:${port}/json/version`, 30_000);
    const result = await lighthouse(url, { port, output: 'json', onlyCategories: ['performance'], logLevel: 'error' }, desktopConfig);
    if (!result) throw new Error('lighthouse gave no result');
    const lhr = result.lhr;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      speedIndexMs: audit('speed-index'),
    };
  } finally {
    browser.kill();
    await new Promise((r) => browser.once('exit', r));
    rmSync(profile, { recursive: true, force: true });
  }
}

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toString() : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

function table(results: SizeResult[]): string {
  const head = [
    'records',
    'dataset MB',
    'first render ms',
    'filter change median ms',
    'filter change p95 ms',
    'peak JS heap MB',
    'JS KB gzip: before data / all',
  ];
  const rows = results.map((r) => [
    r.label,
    f1(r.datasetMB),
    f0(r.firstRender.medianMs),
    f1(r.filterChange.medianMs),
    f1(r.filterChange.p95Ms),
    f0(r.heapPeakMB),
    `${f1(r.firstViewJs.beforeDataGzipKB)} / ${f1(r.firstViewJs.gzipKB)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, maxOf(rows.map((r) => r[i].length))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  // Others' work on the machine shows in every figure; it is recorded with them.
  const loadBefore = loadavg()[0];
  const wanted = new Set(String(opts.sizes).split(','));
  const sizes = SIZES.filter((s) => wanted.has(s.label));
  if (!opts['skip-build']) build();
  else if (!statSync(OUT_DIR, { throwIfNoEntry: false })) throw new Error(`${OUT_DIR}/ is missing: run without --skip-build`);
  const data = writeDatasets(sizes);

  const port = await freePort(opts.port ? Number(opts.port) : null);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = spawn('npx', ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stopServer = () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    server = null;
  };
  process.once('SIGINT', () => {
    stopServer();
    process.exit(130);
  });

  const results: SizeResult[] = [];
  let lighthouse: (Awaited<ReturnType<typeof lighthouseScore>> & { runs: number[] }) | null = null;
  try {
    await waitFor(`${base}/`, 60_000);
    log(`serving ${OUT_DIR}/ on ${base}`);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      // One unmeasured visit first, so the first size measured does not also pay for a cold server and browser.
      const warm = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
      await openAndWait(await warm.newPage(), `${base}/`);
      await warm.close();
      for (const size of sizes) {
        log(`measuring ${size.label}…`);
        results.push(await benchSize(browser, base, size, data.get(size.label)!));
        const r = results[results.length - 1];
        log(`${size.label}: first render ${f0(r.firstRender.medianMs)} ms, filter change median ${f1(r.filterChange.medianMs)} ms`);
      }
    } finally {
      await browser.close();
    }
    if (!opts['skip-lighthouse']) {
      // Lighthouse scores vary from run to run; its authors advise the median of several.
      log(`lighthouse (desktop) on the default dataset, ${LIGHTHOUSE_RUNS} runs…`);
      const runs: Awaited<ReturnType<typeof lighthouseScore>>[] = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseScore(`${base}/`));
      const mid = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)];
      lighthouse = { ...mid, runs: runs.map((r) => r.score) };
    }
  } finally {
    stopServer();
  }

  const assets = readdirSync(join(OUT_DIR, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: f, gzipKB: gzipSync(readFileSync(join(OUT_DIR, 'assets', f)), { level: 9 }).length / 1024 }));
  const summary = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadAverage1m: { before: loadBefore, after: loadavg()[0] } },
    browser: chromiumPath() ?? 'Playwright Chromium',
    viewport: VIEWPORT,
    targets: TARGETS,
    sizes: results,
    lighthouse,
    buildAssets: assets,
    durationS: (Date.now() - started) / 1000,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(summary, null, 2)}\n`);

  console.log(`\n${table(results)}\n`);
  for (const r of results) {
    const kinds = Object.entries(r.filterChange.byKind)
      .map(([k, v]) => `${k} ${f1(v.medianMs)}/${f1(v.p95Ms)}`)
      .join(', ');
    const ph = r.firstRender.phasesMs;
    console.log(
      `${r.label}: first render: data received ${f0(ph.fetched)} ms, checked ${f0(ph.validated)}, indexed ${f0(ph.indexed)}, panels painted ${f0(r.firstRender.medianMs)}`,
    );
    console.log(
      `${r.label}: filter change by kind (median/p95 ms): ${kinds}; to commit only: ${f1(r.filterChange.commitMedianMs)}/${f1(r.filterChange.commitP95Ms)}`,
    );
  }
  if (lighthouse) {
    console.log(
      `Lighthouse desktop performance: ${lighthouse.score}, median of ${lighthouse.runs.join(', ')} (that run: FCP ${f0(lighthouse.fcpMs)} ms, LCP ${f0(lighthouse.lcpMs)} ms, TBT ${f0(lighthouse.tbtMs)} ms, CLS ${lighthouse.cls.toFixed(3)}, SI ${f0(lighthouse.speedIndexMs)} ms)`,
    );
  }
  console.log(`\n${checkTargets(results, lighthouse).join('\n')}`);
  console.log(
    `\nwrote bench-results/latest.json (${summary.durationS.toFixed(0)} s; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, on ${cpus().length} cores)`,
  );
}

function checkTargets(results: SizeResult[], lh: { score: number } | null): string[] {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? 'met    ' : 'NOT MET');
  for (const r of results) {
    const fr = TARGETS.firstRender[r.label];
    if (fr !== undefined)
      lines.push(`${mark(r.firstRender.medianMs <= fr)} first render ${r.label} ≤ ${fr} ms: ${f0(r.firstRender.medianMs)} ms`);
    const fc = TARGETS.filterMedian[r.label];
    if (fc !== undefined)
      lines.push(`${mark(r.filterChange.medianMs <= fc)} filter change median ${r.label} ≤ ${fc} ms: ${f1(r.filterChange.medianMs)} ms`);
  }
  for (const r of results) {
    const { beforeDataGzipKB: before, gzipKB: all } = r.firstViewJs;
    lines.push(
      `${mark(before <= TARGETS.firstViewJsKb)} first-view JS ≤ ${TARGETS.firstViewJsKb} KB gzip (${r.label}), counting what the page needs before it shows the data: ${f1(before)} KB`,
      `${mark(all <= TARGETS.firstViewJsKb)} first-view JS ≤ ${TARGETS.firstViewJsKb} KB gzip (${r.label}), counting everything loaded until the charts are drawn: ${f1(all)} KB`,
    );
  }
  if (lh) lines.push(`${mark(lh.score >= TARGETS.lighthouse)} Lighthouse desktop ≥ ${TARGETS.lighthouse}: ${lh.score}`);
  return lines;
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
