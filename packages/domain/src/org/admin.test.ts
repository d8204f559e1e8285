import { describe, expect, it } from 'vitest';
import { checkParentKind, checkUnitFields, checkUserFields, mayAdministerUnit, mayTouchRoles } from './admin';
import { sniffPhoto } from './photo';

describe('R-ORG-01 the org tree is county → station → team', () => {
  it.each([
    ['station', 'county', null],
    ['team', 'station', null],
    ['team', 'county', 'parentId'],
    ['team', 'team', 'parentId'],
    ['station', 'station', 'parentId'],
    ['station', null, 'parentId'],
    ['county', 'county', 'parentId'],
    ['county', null, null],
  ] as const)('a %s under a %s → %s', (kind, parent, problemField) => {
    expect(checkParentKind(kind, parent)?.field ?? null).toBe(problemField);
  });

  it('names the kinds in Chinese and English', () => {
    expect(checkParentKind('team', 'county')).toEqual({
      field: 'parentId',
      reason: 'a team belongs to a station, not a county',
      reasonZh: '班组的上级必须是供电所，不能是县公司',
    });
  });

  it.each([
    [{ code: 'ST03', name: '河东供电所' }, 'station', []],
    [{ code: 'ST01-KF2', name: '客户服务二班', teamKind: 'customer_service' }, 'team', []],
    [{ code: '', name: 'x' }, 'team', ['code']],
    [{ code: 'has space', name: 'x' }, 'team', ['code']],
    [{ code: 'T1', name: '   ' }, 'team', ['name']],
    [{ code: 'T1', name: 'x'.repeat(61) }, 'team', ['name']],
    [{ code: 'T1', name: 'x', teamKind: 'kitchen' }, 'team', ['teamKind']],
    [{ code: 'T1', name: 'x', teamKind: 'business' }, 'station', ['teamKind']],
    [{ code: 'T1', name: 'x', address: '城关镇' }, 'team', ['address']],
    [{ code: 'T1', name: 'x', phone: 'call me' }, 'station', ['phone']],
    [{ code: 'T1', name: 'x', phone: '0379-66880000' }, 'station', []],
    [{ kind: 'region', code: 'T1', name: 'x' }, 'region', ['kind']],
  ])('unit %j as a %s → problems %j', (fields, kind, expected) => {
    expect(checkUnitFields(fields, kind).map((p) => p.field)).toEqual(expected);
  });
});

describe('R-ORG-02 R-ORG-03 staff fields', () => {
  it.each([
    [{ username: 'zhaolei2', displayName: '赵磊', post: 'lobby_manager', roles: ['clerk'], badgeNo: 'SF0031', phone: '13800001111' }, []],
    [{ username: 'Zhaolei' }, ['username']],
    [{ username: 'z' }, ['username']],
    [{ username: '1zhao' }, ['username']],
    [{ displayName: '' }, ['displayName']],
    [{ post: 'cook' }, ['post']],
    [{ roles: [] }, ['roles']],
    [{ roles: ['clerk', 'wizard'] }, ['roles.1']],
    [{ roles: ['clerk', 'clerk'] }, ['roles']],
    [{ badgeNo: 'SF 01' }, ['badgeNo']],
    [{ badgeNo: null }, []],
    [{ phone: '12' }, ['phone']],
    [{ phone: '0379-6688 0000' }, []],
  ])('%j → problems %j', (fields, expected) => {
    expect(checkUserFields(fields).map((p) => p.field)).toEqual(expected);
  });
});

describe('R-ORG-01 who administers what', () => {
  const head = { id: 2, roles: ['station_head'] as const, unitIds: [2, 3, 4] };
  const admin = { id: 1, roles: ['admin'] as const, unitIds: [1, 2, 3, 4, 9] };

  it('a station head acts inside their station only, never on the county', () => {
    expect(mayAdministerUnit(head, { id: 3, kind: 'team' })).toBe(true);
    expect(mayAdministerUnit(head, { id: 9, kind: 'station' })).toBe(false);
    expect(mayAdministerUnit({ ...head, unitIds: [1, 2] }, { id: 1, kind: 'county' })).toBe(false);
    expect(mayAdministerUnit(admin, { id: 1, kind: 'county' })).toBe(true);
  });

  it('only an administrator grants, removes or edits the administrator role', () => {
    expect(mayTouchRoles(head, ['clerk'], ['clerk', 'team_leader'])).toBe(true);
    expect(mayTouchRoles(head, ['clerk'], ['admin'])).toBe(false);
    expect(mayTouchRoles(head, ['admin'], ['clerk'])).toBe(false);
    expect(mayTouchRoles(admin, ['clerk'], ['admin'])).toBe(true);
  });
});

describe('R-ORG-03 staff photos are recognised by their first bytes', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], 'image/png'],
    [[...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')], 'image/webp'],
    [[...Buffer.from('GIF89a')], null],
    [[...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')], null],
    [[...Buffer.from('%PDF-1.7')], null],
    [[0xff, 0xd8], null],
  ])('%j → %s', (bytes, type) => {
    expect(sniffPhoto(Uint8Array.from(bytes))).toBe(type);
  });
});
