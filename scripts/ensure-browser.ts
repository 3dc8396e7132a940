import { spawnSync } from 'node:child_process';
import { chromiumPath, hasBrowser } from './browser';

/** Makes sure a Chromium is there before the browser tests: Debian's package as root, else Playwright's. */
function run(cmd: string, args: string[]): boolean {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
}

if (hasBrowser()) {
  console.log(`browser: ${chromiumPath() ?? 'Playwright Chromium'}`);
} else {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    run('apt-get', ['update', '-q']);
    run('apt-get', ['install', '-y', '-q', 'chromium']);
  }
  if (!hasBrowser()) run('npx', ['playwright', 'install', 'chromium']);
  if (!hasBrowser()) {
    console.error('No Chromium found: set CHROMIUM_PATH to a Chromium or Chrome binary.');
    process.exit(1);
  }
  console.log(`browser: ${chromiumPath() ?? 'Playwright Chromium'}`);
}
