// R-MTR-06: `griddesk theft-screen` end to end on a file in the SGCC layout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeSgcc } from '@griddesk/domain/metering/sgcc-csv';
import { datasetDates, makeDataset } from '@griddesk/domain/metering/synthetic';
import { rocAuc } from '@griddesk/domain/metering/theft-metrics';
import { UsageError } from './args';
import { run } from './theft-screen';

const dir = mkdtempSync(join(tmpdir(), 'gd-theft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = makeDataset({ customers: 300, days: 365, thiefShare: 0.1, seed: 42, startDate: '2024-01-01' });
const dates = datasetDates('2024-01-01', 365);

async function screen(file: string, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await run(['--input', file, '--output', out]);
    return { code, stdout: log.mock.calls.map((c) => c.join(' ')).join('\n'), stderr: err.mock.calls.map((c) => c.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('griddesk theft-screen (R-MTR-06)', () => {
  it('R-MTR-06 writes CONS_NO,score for every customer, most suspicious first, thieves ahead', async () => {
    const input = join(dir, 'sgcc.csv');
    const output = join(dir, 'scores.csv');
    writeFileSync(input, writeSgcc(dates, rows, { flag: true }));
    const r = await screen(input, output);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^theft-screen: 300 customers × 365 days \(2024-01-01 to 2024-12-30\) scored in [\d.]+ s; top score [\d.]+; against FLAG \(not used for scoring\): AUC [\d.]+, MAP@100 [\d.]+ → /,
    );
    const lines = readFileSync(output, 'utf8').split('\n');
    expect(lines[0]).toBe('CONS_NO,score');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -1).map((l) => l.split(','));
    expect(body).toHaveLength(300);
    for (const [consNo, score] of body) {
      expect(consNo).toMatch(/^[0-9A-F]{16}$/);
      expect(score).toMatch(/^(0|1|0\.\d{1,6})$/);
    }
    const scores = body.map(([, s]) => Number(s));
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]!).toBeGreaterThanOrEqual(scores[i]!);
    expect(new Set(body.map(([c]) => c))).toEqual(new Set(rows.map((r) => r.consNo)));
    const flag = new Map(rows.map((r) => [r.consNo, r.flag]));
    expect(
      rocAuc(
        scores,
        body.map(([c]) => flag.get(c!)!),
      ),
    ).toBeGreaterThan(0.8);
  });

  it('R-MTR-06 FLAG is optional and never changes the scores', async () => {
    const withFlag = join(dir, 'with-flag.csv');
    const without = join(dir, 'without-flag.csv');
    const flipped = join(dir, 'flipped-flag.csv');
    writeFileSync(withFlag, writeSgcc(dates, rows, { flag: true }));
    writeFileSync(without, writeSgcc(dates, rows, { flag: false }));
    writeFileSync(
      flipped,
      writeSgcc(
        dates,
        rows.map((r) => ({ ...r, flag: (1 - r.flag) as 0 | 1 })),
        { flag: true },
      ),
    );
    const outs = [withFlag, without, flipped].map((f) => `${f}.out`);
    for (const [i, f] of [withFlag, without, flipped].entries()) expect((await screen(f, outs[i]!)).code).toBe(0);
    const [a, b, c] = outs.map((o) => readFileSync(o, 'utf8'));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('R-MTR-06 usage mistakes are UsageErrors; a malformed file names the line and column', async () => {
    await expect(run(['--input', 'x.csv'])).rejects.toThrow(UsageError);
    await expect(run(['--input', 'x.csv', '--output', 'y.csv', 'extra'])).rejects.toThrow(UsageError);
    await expect(run(['--input', join(dir, 'missing.csv'), '--output', join(dir, 'o.csv')])).rejects.toThrow(/cannot read --input/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'CONS_NO,2024/1/1,2024/1/2\nA,1,2\nB,3,x\n');
    const r = await screen(bad, join(dir, 'bad.out'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 3, column "2024/1/2": "x" is not a number');
  });
});
