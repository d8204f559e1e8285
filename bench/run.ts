// `npm run bench -- <name> [options]`: one module per benchmark, loaded only when asked for so a
// benchmark's imports (PGlite, the generator) cost nothing to the others.
export {}; // a module, for top-level await

const BENCHMARKS: Record<string, { about: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }> = {
  import: { about: 'ledger import (customers + meters) vs raw COPY, on PostgreSQL and PGlite', load: () => import('./import') },
  lineloss: { about: 'readings import vs COPY, and area line loss vs a bare GROUP BY, on PostgreSQL and PGlite', load: () => import('./lineloss') },
  cases: {
    about: 'POST /api/cases vs a bare INSERT route (autocannon, 50 connections), and due-soon / scan over 1,000,000 open cases, on PostgreSQL',
    load: () => import('./cases'),
  },
  responsiveness: {
    about: 'GET /api/me every 25 ms while theft, line loss, bills and an XLSX export run, on the product started with the demo (PGlite)',
    load: () => import('./responsiveness'),
  },
  theft: { about: 'theft screening (R-MTR-06): AUC and MAP@100 on injected theft patterns, 5,000 × 365, three seeds', load: () => import('./theft') },
};

function usage(): string {
  const lines = Object.entries(BENCHMARKS).map(([name, b]) => `  ${name.padEnd(10)} ${b.about}`);
  return `usage: npm run bench -- <name> [options]\n\nbenchmarks:\n${lines.join('\n')}\n`;
}

const [name, ...rest] = process.argv.slice(2);
const bench = name ? BENCHMARKS[name] : undefined;
if (!bench) {
  process.stderr.write((name && name !== '--help' && name !== '-h' ? `unknown benchmark: ${name}\n\n` : '') + usage());
  process.exitCode = name === '--help' || name === '-h' ? 0 : 2;
} else {
  process.exitCode = await (await bench.load()).run(rest);
}
