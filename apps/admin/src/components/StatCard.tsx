import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function StatCard({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" fw={500} c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="xl" mt={4}>
        {value}
      </Text>
    </Paper>
  );
}
