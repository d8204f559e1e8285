// The same values must come back from both backends: int8 as a JS number (counts and ids stay far
// below 2^53), numeric as a string (exact decimals for energy), date as its 'YYYY-MM-DD' key
// (never a Date read in the server's zone), timestamptz as a Date.
export const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => v,
  [OID.date]: (v) => v,
};
