// R-CASE-05: overdue cases grouped by team within each station, with open-case counts beside.
import type { CaseSummary } from '@griddesk/shared';
import type { OrgUnitView } from '@griddesk/shared/org-api';

export interface TeamRow {
  key: string;
  teamId: number | null;
  teamName: string | null;
  open: number;
  overdue: CaseSummary[];
  /** the case furthest past its deadline */
  worst: CaseSummary | null;
}

export interface StationGroup {
  stationId: number;
  stationName: string;
  teams: TeamRow[];
  open: number;
  overdue: number;
  worst: CaseSummary | null;
}

const further = (a: CaseSummary | null, b: CaseSummary) => (a === null || (b.timeLeftMinutes ?? 0) < (a.timeLeftMinutes ?? 0) ? b : a);

export function groupOverdue(overdue: CaseSummary[], open: CaseSummary[], units: OrgUnitView[]): StationGroup[] {
  const stations = new Map<number, Map<string, TeamRow>>();
  const rowFor = (c: CaseSummary) => {
    const teams = stations.get(c.stationId) ?? new Map<string, TeamRow>();
    stations.set(c.stationId, teams);
    const key = c.team ? String(c.team.id) : 'none';
    let row = teams.get(key);
    if (!row) {
      row = { key, teamId: c.team?.id ?? null, teamName: c.team?.name ?? null, open: 0, overdue: [], worst: null };
      teams.set(key, row);
    }
    return row;
  };
  for (const c of open) rowFor(c).open++;
  for (const c of overdue) {
    const row = rowFor(c);
    row.overdue.push(c);
    row.worst = further(row.worst, c);
  }
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  return [...stations.entries()]
    .map(([stationId, teams]) => {
      // Most overdue teams first; teams with none stay listed for their open counts.
      const rows = [...teams.values()].sort((a, b) => b.overdue.length - a.overdue.length || b.open - a.open);
      return {
        stationId,
        stationName: nameOf.get(stationId) ?? `#${stationId}`,
        teams: rows,
        open: rows.reduce((n, r) => n + r.open, 0),
        overdue: rows.reduce((n, r) => n + r.overdue.length, 0),
        worst: rows.reduce<CaseSummary | null>((w, r) => (r.worst ? further(w, r.worst) : w), null),
      };
    })
    .sort((a, b) => b.overdue - a.overdue);
}
