/**
 * The roles a tenant's access token carries (its `roles` claim). Read without checking the
 * signature: the server checks it on every call; the console only decides what to show.
 */
export function rolesOf(accessToken: string): string[] {
  const payload = accessToken.split('.')[1];
  if (!payload) return [];
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const claims = JSON.parse(json) as { roles?: unknown };
    return Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  } catch {
    return [];
  }
}

export function isAdministrator(accessToken: string): boolean {
  return rolesOf(accessToken).includes('admin');
}
