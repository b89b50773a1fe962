import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, extraConnectOrigins } from './csp.config.ts';

/** Cross-origin isolation gives SharedArrayBuffer, so ONNX Runtime can use threads. */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [
    svelte(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/workers',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false, // public/manifest.webmanifest is ours
      devOptions: { enabled: false }, // no service worker in `vite dev`: never serve developers a stale build
      injectManifest: {
        globPatterns: ['**/*.{html,js,mjs,css,wasm,onnx,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
    }),
  ],
  server: { headers: isolation },
  preview: {
    headers: { ...isolation, 'Content-Security-Policy': contentSecurityPolicy(extraConnectOrigins(process.env)) },
    port: 4173,
    strictPort: true,
  },
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
