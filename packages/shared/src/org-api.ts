// The HTTP contract of the org capability (R-ORG-01..03): request and response schemas, registered
// on the server's routes (so OpenAPI shows them and responses are serialised through them) and
// read by the console as types. Imported from '@griddesk/shared/org-api' — type-only on the web, so
// TypeBox never reaches the browser bundle.
//
// Request schemas check shape and bounds only; what a value must look like (a username's letters,
// a known post, the password policy) is checked by the domain rules, which name the field and give
// the reason in Chinese and English.
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { DateTime, IdParams, INT32_MAX, pageOf, pagingFields, StringEnum } from './api';
import { Bilingual } from './documents';
import { ORG_KINDS, PERMISSIONS, POSTS, ROLES, TEAM_KINDS } from './org';

// null first: with coercion on, a string branch tried first would turn null into "" (request
// bodies here take null to clear a field)
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/** A record id: the database's integer range, so an absurd number is a 422, not a database error. */
const Id = (options: { description?: string } = {}) => Type.Integer({ minimum: 1, maximum: INT32_MAX, ...options });
/** The `{id}` of a unit's or a user's path (the shared IdParams). */
export { IdParams };

// ---- the signed-in user -------------------------------------------------------------------------

export const MeSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  post: StringEnum(POSTS),
  badgeNo: Nullable(Type.String()),
  roles: Type.Array(StringEnum(ROLES)),
  /** what the roles allow: the console shows only what the server would accept */
  permissions: Type.Array(StringEnum(PERMISSIONS)),
  orgUnit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: StringEnum(ORG_KINDS) }),
  /** set by an administrator's reset: until the user picks a password, the API refuses their writes */
  mustChangePassword: Type.Boolean(),
});
export type Me = Static<typeof MeSchema>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const LoginResponse = Type.Object({ user: MeSchema });
/** Sign-out always succeeds: the session (if any) ends and its cookie is cleared. */
export const LogoutResponse = Type.Object({ signedOut: Type.Literal(true) });

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
export const ChangePasswordResponse = Type.Object({
  user: MeSchema,
  /** the user's other sessions (other browsers, other devices), ended by the change */
  endedSessions: Type.Integer({ minimum: 0 }),
});

export const PasswordPolicyView = Type.Object({
  minLength: Type.Integer(),
  maxLength: Type.Integer(),
  maxFailures: Type.Integer(),
  lockMinutes: Type.Integer(),
  /** the rules in words, for the page where a password is chosen */
  rules: Type.Object({ zh: Type.Array(Type.String()), en: Type.Array(Type.String()) }),
});
export type PasswordPolicyView = Static<typeof PasswordPolicyView>;

// ---- org units ----------------------------------------------------------------------------------

export const OrgUnitView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: StringEnum(ORG_KINDS),
  teamKind: Nullable(StringEnum(TEAM_KINDS)),
  parentId: Nullable(Type.Integer()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  serviceHours: Nullable(Type.String()),
  retired: Type.Boolean(),
  /** active staff in the unit itself (not its sub-units) */
  activeStaff: Type.Integer({ minimum: 0 }),
  /** whether the caller may change it (org.admin, inside the subtree they administer) */
  administrable: Type.Boolean(),
});
export type OrgUnitView = Static<typeof OrgUnitView>;

export const OrgUnitsQuery = Type.Object({
  includeRetired: Type.Boolean({ default: false, description: 'also list retired units (the org page shows them greyed)' }),
});
export const OrgUnitList = pageOf(OrgUnitView);

export const CreateOrgUnitBody = Type.Object(
  {
    kind: Type.String({ maxLength: 32, description: 'station (under the county) or team (under a station)' }),
    parentId: Id(),
    code: Type.String({ maxLength: 64 }),
    name: Type.String({ maxLength: 200 }),
    nameEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    teamKind: Type.Optional(Nullable(Type.String({ maxLength: 32, description: 'customer_service, distribution or business' }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    serviceHours: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
  },
  { additionalProperties: false },
);
export type CreateOrgUnitBody = Static<typeof CreateOrgUnitBody>;

export const UpdateOrgUnitBody = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 64 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    nameEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    teamKind: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    serviceHours: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
    /** move: the new parent, of the kind one level up */
    parentId: Type.Optional(Id()),
    /** retire (true) or bring back (false); refused while the unit has active staff or open work */
    retired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateOrgUnitBody = Static<typeof UpdateOrgUnitBody>;

// ---- users --------------------------------------------------------------------------------------

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  post: StringEnum(POSTS),
  badgeNo: Nullable(Type.String()),
  roles: Type.Array(StringEnum(ROLES)),
  permissions: Type.Array(StringEnum(PERMISSIONS)),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  /** masked (138****5678) unless the caller administers the user or may reveal personal data */
  phone: Nullable(Type.String()),
  onDuty: Type.Boolean(),
  active: Type.Boolean(),
  /** locked after repeated failed sign-ins, until this instant */
  lockedUntil: Nullable(DateTime),
  mustChangePassword: Type.Boolean(),
  /** the staff photo, for signed-in callers (a versioned URL: a new photo is a new URL) */
  photoUrl: Nullable(Type.String()),
  administrable: Type.Boolean(),
});
export type UserView = Static<typeof UserView>;

export const UsersQuery = Type.Object({
  orgUnitId: Type.Optional(Id({ description: 'a unit stands for its subtree' })),
  role: Type.Optional(StringEnum(ROLES)),
  active: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 64, description: 'name, username or badge number' })),
  ...pagingFields(100),
});
export const UserList = pageOf(UserView);

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ maxLength: 64 }),
    displayName: Type.String({ maxLength: 200 }),
    password: Type.String({ maxLength: 1024 }),
    unitId: Id(),
    post: Type.String({ maxLength: 64 }),
    roles: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
    badgeNo: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    onDuty: Type.Optional(Type.Boolean({ default: false })),
    /** ask for a new password at first sign-in (the console sets it for an initial password it hands over) */
    mustChangePassword: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    unitId: Type.Optional(Id()),
    post: Type.Optional(Type.String({ maxLength: 64 })),
    roles: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
    badgeNo: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    onDuty: Type.Optional(Type.Boolean()),
    /** disable (true): the account cannot sign in and its sessions end at once; false enables it */
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object(
  {
    /** the temporary password to hand over; left out, the server makes one and answers it once */
    password: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: false },
);
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;
export const ResetPasswordResponse = Type.Object({
  user: UserView,
  /** the generated temporary password (shown once), or null when the administrator chose it */
  temporaryPassword: Nullable(Type.String()),
  endedSessions: Type.Integer({ minimum: 0 }),
});
export type ResetPasswordResponse = Static<typeof ResetPasswordResponse>;

// ---- portal -------------------------------------------------------------------------------------

export const PortalStationQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 32 })) });
export const PortalStaffCard = Type.Object({
  name: Type.String(),
  post: Type.String(),
  postLabel: Bilingual,
  badgeNo: Nullable(Type.String()),
  unit: Type.String(),
  photoUrl: Nullable(Type.String()),
});
export type PortalStaffCard = Static<typeof PortalStaffCard>;
/** The image types a staff photo is stored in (decided by its first bytes). */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PortalStation = Type.Object({
  station: Type.Object({
    code: Type.String(),
    name: Type.String(),
    address: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    serviceHours: Nullable(Type.String()),
    repairPhone: Nullable(Type.String()),
    complaintPhone: Nullable(Type.String()),
  }),
  staff: Type.Array(PortalStaffCard),
});
export type PortalStation = Static<typeof PortalStation>;
