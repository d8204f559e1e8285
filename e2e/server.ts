// A real griddesk server on a free port over a fresh embedded database with the demo station.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/server/src/config';
import { start, type Started } from '../apps/server/src/main';

export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';

export async function startServer(): Promise<{ url: string; stop(): Promise<void>; started: Started }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gd-e2e-'));
  const config = { ...loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, GRIDDESK_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, LOG_LEVEL: 'warn' }) };
  if (!existsSync(join(config.webDist, 'index.html'))) throw new Error(`web console not built in ${config.webDist}: run npm run build`);
  const started = await start(config);
  return {
    url: started.url.replace('0.0.0.0', '127.0.0.1'),
    started,
    async stop() {
      await started.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
