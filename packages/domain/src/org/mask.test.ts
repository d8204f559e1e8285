import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskAddress, maskIdNumber, maskPhone } from './mask';

describe('R-SYS-03 personal data is masked by default', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['0379-66880000', '037****0000'],
    ['12345', '***45'],
    ['', ''],
    [null, null],
  ])('phone %s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('never shows the middle four digits of a mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone)!;
        expect(masked).toMatch(/^1[3-9]\d\*{4}\d{4}$/);
        expect(masked.slice(0, 3) + masked.slice(-4)).toBe(phone.slice(0, 3) + phone.slice(-4));
      }),
    );
  });

  it.each([
    ['示范县城关镇人民路88号', '示范县城关镇****'],
    ['李家村', '李家****'],
  ])('address %s → %s', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });

  it('ID numbers keep region and last four', () => {
    expect(maskIdNumber('410324199001011234')).toBe('410324********1234');
  });
});
