/**
 * Formats a whole-rupiah amount the Indonesian way: `Rp 7.025.000` (`.` as the
 * thousands separator, no decimals). Negative amounts (discounts) read `-Rp 25.000`.
 *
 * Done by hand rather than with `Intl.NumberFormat('id-ID')`, whose output (a
 * non-breaking space after `Rp`, ICU-version dependent) is not stable enough for
 * documents that must render byte-for-byte reproducibly.
 */
export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Rupiah amount must be a safe integer, got ${amount}`);
  }
  const grouped = Math.abs(amount)
    .toString()
    .replace(/\B(?=(\d{3})+$)/g, '.');
  return `${amount < 0 ? '-' : ''}Rp ${grouped}`;
}
