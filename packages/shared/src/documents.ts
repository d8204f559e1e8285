// Versioned policy documents as the API carries them: commitment profiles, the metering policy,
// tariff tables, the role → permission table, limits … (one module, one shape).
import { type Static, Type } from '@sinclair/typebox';

export const DocumentStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('superseded')]);
export type DocumentStatus = Static<typeof DocumentStatus>;

export const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const DocumentKindView = Type.Object({
  kind: Type.String(),
  label: Bilingual,
  keyed: Type.Boolean(),
  inForce: Type.Union([Type.Literal('key'), Type.Literal('kind')]),
  readPermission: Type.String(),
});
export type DocumentKindView = Static<typeof DocumentKindView>;

export const DocumentVersionSummary = Type.Object({
  kind: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  status: DocumentStatus,
  /** the version in force for its key */
  active: Type.Boolean(),
  basedOn: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
});
export type DocumentVersionSummary = Static<typeof DocumentVersionSummary>;

export const DocumentVersion = Type.Composite([
  DocumentVersionSummary,
  // each kind checks its own definition; the API carries it as the kind stores it
  Type.Object({ definition: Type.Unknown({ description: 'the definition, in the shape of its kind' }) }),
]);
export type DocumentVersion = Static<typeof DocumentVersion>;

export const DocumentProblem = Type.Object({ field: Type.String(), reason: Type.String(), reasonZh: Type.String() });

export const DocumentRef = Type.Object({ kind: Type.String(), key: Type.String(), version: Type.Integer() });
export type DocumentRef = Static<typeof DocumentRef>;
