import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts', 'e2e/hub/**/*.spec.ts', 'scripts/**/*.spec.ts'],
  },
});
