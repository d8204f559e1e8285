// R-ORG-01: everything a user sees is scoped to their subtree. Org units carry a materialised
// path of ids ('/1/2/5/'). Ledger records belong to a station; a team member works on the
// ledger of the station the team belongs to, so data scope widens a team to its station.
export interface ScopeUnit {
  id: number;
  kind: 'county' | 'station' | 'team';
  path: string;
  parentId: number | null;
}

export function isWithin(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}

/** The units whose records a user of `home` may see: its subtree, and for a team its station's subtree. */
export function dataScopeRoot(home: ScopeUnit, all: readonly ScopeUnit[]): ScopeUnit {
  if (home.kind !== 'team') return home;
  return all.find((u) => u.id === home.parentId) ?? home;
}

export function stationsInScope(root: ScopeUnit, all: readonly ScopeUnit[]): number[] {
  return all.filter((u) => u.kind === 'station' && isWithin(u.path, root.path)).map((u) => u.id);
}

export function unitsInScope(root: ScopeUnit, all: readonly ScopeUnit[]): number[] {
  return all.filter((u) => isWithin(u.path, root.path)).map((u) => u.id);
}
