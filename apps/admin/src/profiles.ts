/** The tenant profiles the console manages (a tenant's main profile decides its screens). */
export const PROFILES = {
  sinoman: 'koperasi-sinoman',
  qutab: 'qutab-platform',
  ansania: 'ansania-ecommerce',
  dtehm: 'dtehm-mobile',
} as const;

export type ManagedProfile = (typeof PROFILES)[keyof typeof PROFILES];

export function isManagedProfile(profile: string): profile is ManagedProfile {
  return (Object.values(PROFILES) as string[]).includes(profile);
}
