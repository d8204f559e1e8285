// The `griddesk` command. Each subcommand lives in its own module; this file only dispatches.
import { ConfigError } from '../config';
import { UsageError } from './args';

const COMMANDS: Record<string, { summary: string; run: (args: string[]) => Promise<number> }> = {
  start: { summary: 'start the server (migrates; loads the demo into an empty database)', run: async (a) => (await import('./start')).run(a) },
  migrate: { summary: 'apply database migrations', run: async (a) => (await import('./migrate')).run(a) },
  demo: { summary: 'load the demo station into an empty database', run: async (a) => (await import('./demo')).run(a) },
  generate: { summary: 'write a generated ledger: --customers N --areas M --seed S --out DIR', run: async (a) => (await import('./generate')).run(a) },
  import: { summary: 'import a file: import feeders|areas|customers|meters|readings|daily FILE', run: async (a) => (await import('./import')).run(a) },
  deadline: {
    summary: 'compute a commitment deadline: --profile ID --rule KEY --from ISO [--area …] [--pause ISO/ISO …]',
    run: async (a) => (await import('./deadline')).run(a),
  },
  readings: { summary: 'reading quality: readings flags --period YYYY-MM --format csv', run: async (a) => (await import('./readings')).run(a) },
  lineloss: {
    summary: 'line loss: --period YYYY-MM --level area|feeder|station|county --format csv [--persist]',
    run: async (a) => (await import('./lineloss')).run(a),
  },
  'theft-screen': {
    summary: 'rank electricity-theft suspects in a daily-consumption file (SGCC layout): --input FILE --output FILE',
    run: async (a) => (await import('./theft-screen')).run(a),
  },
  export: {
    summary: 'export a ledger: export feeders|areas|customers|meters [--format csv|xlsx] [--out FILE]',
    run: async (a) => (await import('./export')).run(a),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `griddesk — 供电所服务质量平台 / service-quality platform for supply stations\n\nUsage: griddesk <command> [options]\n\n${lines.join('\n')}\n\nEnvironment: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded, default ./data), PORT, GRIDDESK_ADMIN_PASSWORD`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`unknown command "${name}" / 未知命令\n\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}
