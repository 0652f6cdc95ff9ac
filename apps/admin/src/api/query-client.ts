import { isKomisiError } from '@komisi/sdk';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

/** Called when a call answers 401 after the SDK could not refresh: the session is over. */
let onSessionEnded: () => void = () => {};

export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

export function isSessionEnded(error: unknown): boolean {
  return isKomisiError(error) && error.httpStatus === 401;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => isSessionEnded(error) && onSessionEnded() }),
  mutationCache: new MutationCache({ onError: (error) => isSessionEnded(error) && onSessionEnded() }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // the API's refusals (4xx) do not change on a retry; a lost connection may
      retry: (count, error) => count < 2 && isKomisiError(error) && error.httpStatus === 0,
      refetchOnWindowFocus: false,
    },
  },
});
