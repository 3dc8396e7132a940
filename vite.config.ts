import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// The Content-Security-Policy is written once, in index.html's <meta>; `vite preview` also sends it as
// a header, with frame-ancestors, which only works in a header.
const CSP_META = /\s*<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"\s*\/>/;
const CSP = CSP_META.exec(readFileSync(new URL('./index.html', import.meta.url), 'utf8'))?.[1];
if (!CSP) throw new Error('index.html must carry a Content-Security-Policy <meta>');

/** The dev server's React Fast Refresh needs an inline script, which the policy refuses: drop it there only. */
const noCspInDev: Plugin = {
  name: 'no-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(CSP_META, ''),
};

// `npm run bench` builds a second copy with BENCH_PROFILE=1 for its per-panel breakdown: React's profiling
// build (so <Profiler> reports in production) and PanelProfiler switched on. Other builds carry neither.
const profile = process.env.BENCH_PROFILE === '1';

export default defineConfig({
  plugins: [react(), noCspInDev],
  define: { 'import.meta.env.PANEL_PROFILE': JSON.stringify(profile) },
  resolve: profile ? { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] } : {},
  server: { host: '127.0.0.1', port: 5173 },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Recharts and the packages only it uses load in the background, once the data is on screen, as one
    // named chunk; nothing the first render needs may land in it (hence no recursive dependencies).
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|decimal\.js-light|es-toolkit|immer|@reduxjs[\\/]toolkit|redux|redux-thunk|reselect|react-redux|eventemitter3|tiny-invariant|clsx|internmap|react-is)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
