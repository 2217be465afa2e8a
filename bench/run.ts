/** `npm run bench [-- <suite> [options]]`: runs the benchmark suites (all by default) and prints their figures. */
const suites: Record<string, string> = {
  inventory: './inventory.ts',
  orders: './orders.ts',
};
const [name, ...rest] = process.argv.slice(2);
const selected = name && suites[name] ? [name] : Object.keys(suites);
process.argv = [process.argv[0]!, process.argv[1]!, ...(name && suites[name] ? rest : process.argv.slice(2))];
for (const suite of selected) {
  console.error(`== ${suite}`);
  await import(suites[suite]!);
}
