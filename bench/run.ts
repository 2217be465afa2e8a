import { readFileSync } from 'node:fs';
import os from 'node:os';

/** `npm run bench [-- <suite> [options]]`: runs the benchmark suites (all by default) and prints their figures. */
const suites: Record<string, string> = {
  inventory: './inventory.ts',
  orders: './orders.ts',
  routing: './routing.ts',
};
/**
 * The machine, printed before the figures: the same code has measured 2.5 times faster on one host of "2 vCPU AMD
 * EPYC" than on another, so a figure means little without it (`orders batches` is the steadier yardstick).
 */
function machine() {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(cpuinfo)?.[1];
  const cpus = os.cpus();
  const family = field('cpu family') ? ` (family ${field('cpu family')}, model ${field('model')})` : '';
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}${family}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
}

console.error(`machine: ${machine()}`);
const [name, ...rest] = process.argv.slice(2);
const selected = name && suites[name] ? [name] : Object.keys(suites);
process.argv = [process.argv[0]!, process.argv[1]!, ...(name && suites[name] ? rest : process.argv.slice(2))];
for (const suite of selected) {
  console.error(`== ${suite}`);
  await import(suites[suite]!);
}
