import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, cspMetaTag, extraConnectOrigins } from './csp.config.ts';

/** The built app page carries its CSP as a meta tag, for static hosts that send no headers. */
function cspMeta(): Plugin {
  let origins: string[] = [];
  return {
    name: 'whisper-studio:csp-meta',
    apply: 'build',
    configResolved(config) {
      origins = extraConnectOrigins({ ...loadEnv(config.mode, config.root, ''), ...process.env });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => (context.path === '/index.html' ? html.replace('<head>', `<head>\n    ${cspMetaTag(origins)}`) : html),
    },
  };
}

/** Cross-origin isolation gives SharedArrayBuffer, so ONNX Runtime can use threads. */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [
    svelte(),
    cspMeta(),
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
