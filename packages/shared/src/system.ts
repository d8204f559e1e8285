// The service itself: liveness and the storage backend.
import { type Static, Type } from '@sinclair/typebox';

export const Health = Type.Object({
  status: Type.Literal('ok'),
  db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  version: Type.String(),
});
export type Health = Static<typeof Health>;
