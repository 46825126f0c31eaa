import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContact } from '../../../core/clean/check-contact.js';

describe('checkContact (SPEC §3 contact-invalid)', () => {
  it.each([
    '13800138000',
    '19912345678',
    '+86 138 0013 8000',
    '+86-138-0013-8000',
    '+8613800138000',
    '0086 13800138000',
    '(+86) 13800138000',
    '138 0013 8000',
    '  13800138000  ',
  ])('accepts the mainland mobile %j', (contact) => {
    expect(checkContact(contact)).toBeUndefined();
  });

  it.each(['138****1234', '*', '张**', '138-****-1234'])('treats %j as masked, not invalid', (contact) => {
    expect(checkContact(contact)).toBeUndefined();
  });

  it.each(['010-12345678', '0755-1234567', '(021) 87654321', '0101234567'])('accepts the landline %j', (contact) => {
    expect(checkContact(contact)).toBeUndefined();
  });

  it.each(['a@b.com', 'zhang.wei@example.com.cn'])('accepts the e-mail address %j', (contact) => {
    expect(checkContact(contact)).toBeUndefined();
  });

  it('says why a value is invalid', () => {
    expect(checkContact('12345')).toBe('is not an 11-digit mobile number starting with 1');
    expect(checkContact('1380013800')).toBe('is not an 11-digit mobile number starting with 1');
    expect(checkContact('138001380001')).toBe('is not an 11-digit mobile number starting with 1');
    expect(checkContact('23800138000')).toBe('is not an 11-digit mobile number starting with 1');
    expect(checkContact('86 13800138000')).toBe('is not an 11-digit mobile number starting with 1');
    expect(checkContact('abc')).toBe('is not a phone number');
    expect(checkContact('138o0138000')).toBe('is not a phone number');
    expect(checkContact('+1 555 123 4567')).toBe('is not a phone number');
    expect(checkContact('')).toBe('is not a phone number');
    expect(checkContact('a@b')).toBe('is not a valid e-mail address');
    expect(checkContact('a b@c.com')).toBe('is not a valid e-mail address');
  });

  it('accepts every 11-digit number starting with 1, however spaced (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{10}$/),
        fc.constantFrom('', '+86', '0086', '+86 '),
        fc.constantFrom(' ', '-', ''),
        (rest, prefix, sep) => {
          const number = `1${rest}`;
          expect(
            checkContact(`${prefix}${number.slice(0, 3)}${sep}${number.slice(3, 7)}${sep}${number.slice(7)}`),
          ).toBeUndefined();
        },
      ),
    );
  });

  it('rejects digit strings of 1–8 digits (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,8}$/), (digits) => {
        expect(checkContact(digits)).toBe('is not an 11-digit mobile number starting with 1');
      }),
    );
  });
});
