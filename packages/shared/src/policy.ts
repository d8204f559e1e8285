// Commitment profiles (R-CMT-01) as the policy pages read them.
import { type Static, Type } from '@sinclair/typebox';
import { Bilingual } from './documents';

export const ProfileStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('retired')]);
export type ProfileStatus = Static<typeof ProfileStatus>;

export const ProfileSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  /** active: in force for new cases; retired: published, not in force */
  status: ProfileStatus,
  name: Bilingual,
  authority: Type.String(),
  basedOn: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  activatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  ruleCount: Type.Integer(),
});
export type ProfileSummary = Static<typeof ProfileSummary>;

export const ProfileDetail = Type.Composite([
  ProfileSummary,
  Type.Object({ definition: Type.Unknown({ description: 'the profile: rules, case clocks, escalation' }) }),
]);
export type ProfileDetail = Static<typeof ProfileDetail>;

export const ProfileRef = Type.Object({ id: Type.String(), version: Type.Integer() });
export type ProfileRef = Static<typeof ProfileRef>;
