// R-MTR-04, R-MTR-05: line loss and its classes. loss_rate = (supply − sales) / supply, assessed
// separately for low voltage (per transformer area), high voltage (per feeder) and comprehensive
// (per station, and over the county), each against its own target. Thresholds are policy data.
import { LOSS_LEVELS, type LossClass, type LossLevel } from '@griddesk/shared';

// the levels and classes are the API's (packages/shared metering/line-loss.ts)
export { LOSS_LEVELS, type LossClass, type LossLevel };

export interface LineLossPolicy {
  /** below this share of the meters under a point having a reading, the loss is not computable */
  minCoverage: number;
  /** the target loss rate per level; above it the point is high-loss */
  target: Record<LossLevel, number>;
}

export const DEFAULT_LINE_LOSS_POLICY: LineLossPolicy = {
  minCoverage: 0.98,
  // area: the default (10 % for LV); feeder, station and county: typical county-company
  // targets, placeholders an administrator sets per company
  target: { area: 0.1, feeder: 0.06, station: 0.08, county: 0.08 },
};

export interface LossInput {
  /** kWh; null when the supply meter has no computable consumption */
  supply: number | null;
  sales: number;
  /** meters under the point with a reading for the period / all of them (1 when there are none) */
  coverage: number;
}

export interface LossResult {
  supply: number | null;
  sales: number;
  loss: number | null;
  rate: number | null;
  class: LossClass;
}

export function classifyLoss(level: LossLevel, input: LossInput, policy: LineLossPolicy = DEFAULT_LINE_LOSS_POLICY): LossResult {
  const { supply, sales, coverage } = input;
  if (supply === null || supply <= 0 || coverage < policy.minCoverage) {
    const loss = supply === null ? null : supply - sales;
    return { supply, sales, loss, rate: supply && supply > 0 ? (supply - sales) / supply : null, class: 'not_computable' };
  }
  const loss = supply - sales;
  const rate = loss / supply;
  const cls: LossClass = rate < 0 ? 'negative_loss' : rate > policy.target[level] ? 'high_loss' : 'qualified';
  return { supply, sales, loss, rate, class: cls };
}
