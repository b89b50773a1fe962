import { defineConfig, mergeConfig } from 'vite';
import app from './vite.config.ts';

/** `npm run bench` only: the app plus a bench page that runs a plain transformers.js pipeline beside ours. */
export default mergeConfig(
  app,
  defineConfig({
    build: {
      outDir: 'dist-bench',
      rollupOptions: { input: { main: 'index.html', bench: 'e2e/bench/bench.html' } },
    },
  }),
);
