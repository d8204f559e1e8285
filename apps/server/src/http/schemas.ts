// Request schemas several route files share.
import { Type } from '@sinclair/typebox';

/** A month, YYYY-MM. */
export const Period = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });
/** A calendar day, YYYY-MM-DD. */
export const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
