// `griddesk theft-screen --input FILE --output FILE` (R-MTR-06): the electricity-theft screening
// on a plain daily-consumption file in the layout of the public SGCC dataset (CONS_NO, optional
// FLAG, one column per date YYYY/M/D). Writes `CONS_NO,score` sorted by score, highest (most
// suspicious) first. FLAG is never used for scoring; when present, the summary line reports how
// the ranking does against it.
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseSgcc, SgccFormatError, writeScores } from '@griddesk/domain/metering/sgcc-csv';
import { scoreCustomers } from '@griddesk/domain/metering/theft';
import { mapAtN, rocAuc } from '@griddesk/domain/metering/theft-metrics';
import { parse, UsageError } from './args';

const USAGE = 'griddesk theft-screen --input FILE --output FILE';

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { input: { type: 'string' }, output: { type: 'string' } }, USAGE);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
  if (!values.input || !values.output) throw new UsageError(`--input and --output are required\nusage: ${USAGE}`);
  const started = performance.now();
  let text: string;
  try {
    text = await readFile(values.input, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --input ${values.input}: ${(e as Error).message} / 无法读取输入文件`);
  }
  let table: ReturnType<typeof parseSgcc>;
  try {
    table = parseSgcc(text);
  } catch (e) {
    if (e instanceof SgccFormatError) {
      console.error(`${values.input}: ${e.message} / 文件格式错误`);
      return 1;
    }
    throw e;
  }
  const scores = scoreCustomers(
    table.rows.map((r) => ({ consNo: r.consNo, days: r.days })),
    { startDate: table.dates[0] },
  );
  await writeFile(values.output, writeScores(scores));
  const seconds = (performance.now() - started) / 1000;

  const notScored = scores.filter((s) => s.insufficientData).length;
  let vsFlag = '';
  if (table.hasFlag) {
    const flag = new Map(table.rows.map((r) => [r.consNo, r.flag]));
    const labelled = scores.filter((s) => flag.get(s.consNo) !== null);
    const labels = labelled.map((s) => flag.get(s.consNo) as 0 | 1);
    if (labels.includes(1) && labels.includes(0)) {
      vsFlag = `; against FLAG (not used for scoring): AUC ${rocAuc(
        labelled.map((s) => s.score),
        labels,
      ).toFixed(3)}, MAP@100 ${mapAtN(labels, 100).toFixed(3)}`;
    }
  }
  console.log(
    `theft-screen: ${scores.length} customers × ${table.dates.length} days (${table.dates[0]} to ${table.dates.at(-1)}) scored in ${seconds.toFixed(1)} s` +
      `${notScored ? `, ${notScored} not scored (too few days)` : ''}; top score ${scores.length ? scores[0]!.score.toFixed(3) : '-'}${vsFlag} → ${values.output}`,
  );
  return 0;
}
