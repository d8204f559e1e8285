import { loadConfig } from '../config';
import { start } from '../main';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const started = await start(config);
  console.log(`griddesk listening on ${started.url} (${started.database.backend})`);
  const stop = async (signal: string) => {
    console.log(`griddesk: ${signal}, shutting down`);
    await started.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await new Promise(() => {}); // keep serving until a signal arrives
  return 0;
}
