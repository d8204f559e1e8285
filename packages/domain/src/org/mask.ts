// R-SYS-03: personal data is masked by default. Pure string functions; the presenter decides
// when they apply.

/** `13812345678` → `138****5678`; short or odd numbers keep only their last 2 characters. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const p = phone.trim();
  if (p.length >= 7) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, p.length - 2))}${p.slice(-2)}`;
}

/** Keeps the first part of an address (down to the township) and hides the rest. */
export function maskAddress(address: string | null | undefined, keep = 6): string | null {
  if (!address) return address ?? null;
  const chars = [...address];
  if (chars.length <= keep) return `${chars.slice(0, Math.ceil(chars.length / 2)).join('')}****`;
  return `${chars.slice(0, keep).join('')}****`;
}

/** ID card numbers keep the first 6 (region) and last 4. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
