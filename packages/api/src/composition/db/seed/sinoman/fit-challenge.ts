import { addDays, localDate } from '@komisi/domain';
import type { Scope } from '../../../../kernel/scope.ts';
import type { Services } from '../../../services.ts';

/** A Fit Challenge batch open for registration, its early-bird deadline still ahead. */
export async function seedSinomanFitChallenge(services: Services, scope: Scope): Promise<void> {
  const today = localDate(scope.now, scope.tenant.timeZone);
  const registrationEndDate = addDays(today, 21);
  const startDate = addDays(registrationEndDate, 5);
  await services.programmeBatches.create(
    scope,
    {
      name: 'Fit Challenge Batch 1',
      description: '8-week fitness transformation program with professional trainers',
      startDate,
      endDate: addDays(startDate, 56),
      registrationStartDate: addDays(today, -3),
      registrationEndDate,
      maxParticipants: 100,
      waitlistLimit: null,
      programFee: 600_000,
      earlyBirdFee: 500_000,
      earlyBirdDeadline: addDays(today, 7),
      venueName: 'Sinoman Fitness Center',
      venueAddress: 'Jl. Sudirman No. 123, Ponorogo',
      trainerNames: ['Budi Santoso', 'Sari Wijaya'],
      status: 'open',
    },
    null,
  );
}
