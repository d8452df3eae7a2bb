import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/**
 * The web bundle's size: the JavaScript and CSS `vite build` writes to
 * assets/, raw and gzipped (zlib's default level), for this working tree and
 * for the commit before TanStack Query and live lists landed (436e1d8, the
 * parent of b0c0998; BUNDLE_BEFORE=<commit> picks another). Both are built
 * here, the same way, into temporary directories (dist/web is left alone):
 * the old one in a temporary git worktree sharing this node_modules, so no
 * network is needed.
 */
const BEFORE = process.env.BUNDLE_BEFORE ?? '436e1d8';
const exec = promisify(execFile);

type Sizes = { js: { raw: number; gzip: number }; css: { raw: number; gzip: number } };

async function build(root: string, outDir: string) {
  await exec('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
  });
}

function measure(outDir: string): Sizes {
  const sizes: Sizes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  const assets = path.join(outDir, 'assets');
  for (const name of readdirSync(assets)) {
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const content = readFileSync(path.join(assets, name));
    sizes[kind].raw += content.length;
    sizes[kind].gzip += gzipSync(content).length;
  }
  return sizes;
}

/** Builds `commit` in a throwaway worktree; the worktree is removed whatever happens. */
async function buildCommit(commit: string, outDir: string) {
  const worktree = mkdtempSync(path.join(tmpdir(), 'confer-bundle-'));
  await exec('git', ['worktree', 'add', '--detach', worktree, commit]);
  try {
    symlinkSync(realpathSync('node_modules'), path.join(worktree, 'node_modules'));
    await build(worktree, outDir);
  } finally {
    await exec('git', ['worktree', 'remove', '--force', worktree]);
    rmSync(worktree, { recursive: true, force: true });
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`.padStart(9);

function line(label: string, before: number, after: number) {
  const change = after - before;
  const sign = change >= 0 ? '+' : '−';
  const percent = before > 0 ? ` (${sign}${((Math.abs(change) / before) * 100).toFixed(1)}%)` : '';
  return `${label.padEnd(9)} ${kB(before)} → ${kB(after)}   ${sign}${kB(Math.abs(change)).trim()}${percent}`;
}

/**
 * What a first visit must fetch before the app runs (issue #12: under 100 KB
 * gzipped): the entry script and the modules index.html preloads; every
 * page is a chunk of its own, fetched when first visited.
 */
function initialJs(outDir: string) {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const sizes = files.map((file) => {
    const content = readFileSync(path.join(outDir, file));
    return {
      file,
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      br: brotliCompressSync(content).length,
    };
  });
  const chunks = readdirSync(path.join(outDir, 'assets')).filter((n) => n.endsWith('.js')).length;
  return { sizes, chunks };
}

export async function run() {
  console.log(`\n# bundle: dist/web/assets, ${BEFORE} → this working tree`);
  const out = mkdtempSync(path.join(tmpdir(), 'confer-bundle-out-'));
  try {
    const [before, after] = await Promise.all([
      buildCommit(BEFORE, path.join(out, 'before')).then(() => measure(path.join(out, 'before'))),
      build(process.cwd(), path.join(out, 'after')).then(() => measure(path.join(out, 'after'))),
    ]);
    console.log(line('js', before.js.raw, after.js.raw));
    console.log(line('js gzip', before.js.gzip, after.js.gzip));
    console.log(line('css', before.css.raw, after.css.raw));
    console.log(line('css gzip', before.css.gzip, after.css.gzip));
    const total = (s: Sizes) => s.js.gzip + s.css.gzip;
    console.log(line('all gzip', total(before), total(after)));
    const initial = initialJs(path.join(out, 'after'));
    const sum = (k: 'raw' | 'gzip' | 'br') => initial.sizes.reduce((n, f) => n + f[k], 0);
    console.log(
      `\n# initial JS of a first visit (entry + preloads; ${initial.chunks} chunks in all), target < 100 kB gzip`,
    );
    for (const f of initial.sizes) {
      console.log(`${f.file.padEnd(36)} ${kB(f.raw)} raw ${kB(f.gzip)} gzip ${kB(f.br)} brotli`);
    }
    const verdict = sum('gzip') < 100 * 1024 ? 'under target' : 'OVER target';
    console.log(
      `${'initial'.padEnd(36)} ${kB(sum('raw'))} raw ${kB(sum('gzip'))} gzip ${kB(sum('br'))} brotli  (${verdict})`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
