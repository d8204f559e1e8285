// The station's headline figures for the dashboard, each computed by the server from records (R-MTR-02,
// R-MTR-04, R-MTR-05, R-CASE-05); the dashboard only adds station rows up.
import type { ReadingRateRow } from '@griddesk/shared';

/** Actual-reading rate over every station in scope, residential and non-residential apart. */
export function overallReadingRates(rows: readonly ReadingRateRow[]): { residential: number | null; nonResidential: number | null } {
  const stations = rows.filter((r) => r.kind === 'station');
  const rate = (pick: (r: ReadingRateRow) => { meters: number; actual: number }) => {
    const meters = stations.reduce((n, r) => n + pick(r).meters, 0);
    return meters ? stations.reduce((n, r) => n + pick(r).actual, 0) / meters : null;
  };
  return { residential: rate((r) => r.residential), nonResidential: rate((r) => r.nonResidential) };
}
