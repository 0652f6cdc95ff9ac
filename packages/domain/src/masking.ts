// What an affiliate may see of other people's data: a customer's name and email, a bank account
// number, each with most of it replaced by stars.

/** How many leading characters a masked word or email shows: a third, rounded up, at most 3. */
function shown(length: number): number {
  return Math.min(3, Math.ceil(length / 3));
}

/**
 * A customer's name as an affiliate sees it: each word keeps its first third (rounded up, at most
 * 3 letters), the rest becomes stars, at most 4 so long words do not give their length away.
 * `Darmawan Putra` → `Dar**** Pu***`.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => {
      const letters = Array.from(word);
      const keep = shown(letters.length);
      return letters.slice(0, keep).join('') + '*'.repeat(Math.min(4, letters.length - keep));
    })
    .join(' ');
}

/**
 * A customer's email as an affiliate sees it: the first third of the part before `@` (rounded up,
 * at most 3 characters), then always `***`, then the domain. `darmawan@gmail.com` → `dar***@gmail.com`.
 */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  const local = Array.from(at < 0 ? trimmed : trimmed.slice(0, at));
  const domain = at < 0 ? '' : trimmed.slice(at);
  return `${local.slice(0, shown(local.length)).join('')}***${domain}`;
}

/**
 * A bank account number with only its last 4 digits visible (`1234567890` → `******7890`); spaces
 * and dashes are dropped first. Numbers of 4 characters or fewer are shown as stars only.
 */
export function maskAccountNumber(accountNumber: string): string {
  const compact = accountNumber.replace(/[\s-]/g, '');
  if (compact.length <= 4) return '*'.repeat(compact.length);
  return '*'.repeat(compact.length - 4) + compact.slice(-4);
}

/**
 * A NIK as lists show it: the place codes (first 6 digits) and the last 4, the birth date between
 * them hidden (`3502011990010001` → `350201******0001`). Anything that is not 16 characters is
 * shown as stars only.
 */
export function maskNik(nik: string): string {
  if (nik.length !== 16) return '*'.repeat(nik.length);
  return `${nik.slice(0, 6)}******${nik.slice(12)}`;
}
