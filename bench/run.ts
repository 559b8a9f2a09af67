/**
 * Runs the benchmarks: every `*.bench.ts` in this folder, or only those named on the command line.
 *
 *   npm run bench               # all
 *   npm run bench -- http-me    # one (by its name or file name)
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Benchmark, Harness, machineSummary } from './harness.js';

const dir = import.meta.dirname;
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const benchmarks: Benchmark[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: Benchmark };
  if (!mod.default?.run) throw new Error(`${file} must default-export a Benchmark`);
  benchmarks.push(mod.default);
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = wanted.length
  ? wanted.map((w) => {
      const b = benchmarks.find((x) => x.name === w || `${x.name}.bench.ts` === path.basename(w));
      if (!b) {
        console.error(`unknown benchmark "${w}"; available: ${benchmarks.map((x) => x.name).join(', ')}`);
        process.exit(2);
      }
      return b;
    })
  : benchmarks;

console.log(`Yidan benchmarks — ${machineSummary()}`);
const harness = new Harness();
let failed = false;
try {
  for (const b of selected) {
    console.log(`\n▶ ${b.name}: ${b.description}`);
    const started = Date.now();
    try {
      await b.run(harness);
    } catch (err) {
      failed = true;
      console.error(`✗ ${b.name} failed:`, err);
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  await harness.close();
}
process.exit(failed ? 1 : 0);
