import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles the rune state classes (`*.svelte.ts`) so their specs run in Node.
  plugins: [svelte()],
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts', 'e2e/hub/**/*.spec.ts', 'scripts/**/*.spec.ts'],
  },
});
