// An object whose keys are a fixed list (a count per class, a weight per signal): every key is a
// required property, so OpenAPI lists them and the serialiser sends each.
import { type TObject, type TSchema, Type } from '@sinclair/typebox';

export function keyedBy<K extends string, T extends TSchema>(keys: readonly K[], value: T): TObject<Record<K, T>> {
  return Type.Object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>);
}
