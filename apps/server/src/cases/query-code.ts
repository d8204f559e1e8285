// R-CASE-08: the query code printed on the query card. Unguessable (12 characters from a
// 31-letter alphabet ≈ 59 bits) and easy to read aloud: no 0/O, 1/I/L.
import { randomInt } from 'node:crypto';

export const QUERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const QUERY_CODE_LENGTH = 12;

export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) s += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return s;
}

export function isQueryCode(text: string): boolean {
  return text.length === QUERY_CODE_LENGTH && [...text].every((c) => QUERY_CODE_ALPHABET.includes(c));
}
