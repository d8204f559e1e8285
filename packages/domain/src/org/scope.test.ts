import { describe, expect, it } from 'vitest';
import { can } from './permissions';
import { dataScopeRoot, stationsInScope, unitsInScope, type ScopeUnit } from './scope';

const units: ScopeUnit[] = [
  { id: 1, kind: 'county', path: '/1/', parentId: null },
  { id: 2, kind: 'station', path: '/1/2/', parentId: 1 },
  { id: 3, kind: 'team', path: '/1/2/3/', parentId: 2 },
  { id: 4, kind: 'station', path: '/1/4/', parentId: 1 },
  { id: 5, kind: 'team', path: '/1/4/5/', parentId: 4 },
  { id: 12, kind: 'station', path: '/1/12/', parentId: 1 },
];
const unit = (id: number) => units.find((u) => u.id === id)!;

describe('R-ORG-01 everything a user sees is scoped to their subtree', () => {
  it.each([
    [1, [1, 2, 3, 4, 5, 12], [2, 4, 12]],
    [2, [2, 3], [2]],
    [4, [4, 5], [4]],
  ])('unit %i administers %j and works on stations %j', (id, unitIds, stationIds) => {
    expect(unitsInScope(unit(id), units)).toEqual(unitIds);
    expect(stationsInScope(dataScopeRoot(unit(id), units), units)).toEqual(stationIds);
  });

  it('a team member works on the ledger of their own station only', () => {
    expect(stationsInScope(dataScopeRoot(unit(3), units), units)).toEqual([2]);
    expect(unitsInScope(unit(3), units)).toEqual([3]);
  });

  it('path prefixes do not confuse /1/2/ with /1/12/', () => {
    expect(stationsInScope(unit(2), units)).toEqual([2]);
  });
});

describe('R-SYS-03 roles that may reveal personal data', () => {
  it.each([
    ['admin', true],
    ['clerk', true],
    ['repair_crew', true],
    ['supervisor', false],
    ['auditor', false],
    ['safety_officer', false],
  ] as const)('%s may reveal: %s', (role, allowed) => {
    expect(can([role], 'personal.reveal')).toBe(allowed);
  });

  it('the external supervisor is read-mostly: reads the ledger, cannot import', () => {
    expect(can(['supervisor'], 'ledger.read')).toBe(true);
    expect(can(['supervisor'], 'ledger.import')).toBe(false);
  });
});
