import { Center, Loader } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** While a page's code or first answer is on its way. */
export function PageLoader() {
  const { t } = useI18n();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-label={t.common.loading} />
    </Center>
  );
}
