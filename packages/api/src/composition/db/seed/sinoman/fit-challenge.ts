import type { Scope } from '../../../../kernel/scope.ts';
import type { Services } from '../../../services.ts';

/** A Fit Challenge batch open for registration, its early-bird deadline still ahead. */
export async function seedSinomanFitChallenge(_services: Services, _scope: Scope): Promise<void> {}
