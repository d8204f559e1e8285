import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvTextField, neutraliseCsvText, restoreCsvText } from './csv-text';

describe('CSV text cells cannot run formulas (issue 9 item 5, OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['=1+1', `'=1+1`],
    ['+1', `'+1`],
    ['-2+3', `'-2+3`],
    ['-A1', `'-A1`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    // a quote already in front does not hide a trigger from the rule
    [`'=1`, `''=1`],
    [`''@x`, `'''@x`],
  ])('%j is written as %j', (text, cell) => {
    expect(neutraliseCsvText(text)).toBe(cell);
    expect(restoreCsvText(cell)).toBe(text);
  });

  it.each(['', '张三', '示范县城关镇1号', 'HX-TA01', '1000.00', '13800001111', 'a=b', 'x-1', ' =1', "'quoted", "'", 'foo@example.com'])(
    '%j stays as it is, and reads back as it is',
    (text) => {
      expect(neutraliseCsvText(text)).toBe(text);
      expect(restoreCsvText(text)).toBe(text);
    },
  );

  it.each([
    [-100, '-100'],
    [-0.1, '-0.1'],
    [1000, '1000'],
  ])('the number %s stays a number: %j', (n, cell) => {
    expect(neutraliseCsvText(n)).toBe(cell);
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['@SUM(1)', `'@SUM(1)`],
    ['a,b', '"a,b"'],
    ['\r=1', `"'\r=1"`],
    ['张三', '张三'],
  ])('as a CSV field %j is %j', (text, field) => {
    expect(csvTextField(text)).toBe(field);
  });

  it('any text survives export and re-import unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '1', ' ') }), (s) => {
        expect(restoreCsvText(neutraliseCsvText(s))).toBe(s);
        expect(neutraliseCsvText(s)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
