import { describe, expect, it } from 'vitest';
import { isAppNavigation } from './app-navigation.ts';

describe('isAppNavigation', () => {
  it("answers the app's own pages with the app, never a file or a model route", () => {
    for (const path of ['/', '/index.html', '/projects', '/editor/3f2a', '/?decode=whole']) expect(isAppNavigation(new URL(path, 'http://a').pathname), path).toBe(true);
    for (const path of ['/report.pdf', '/assets/index-abc.js', '/bench.html', '/manifest.webmanifest', '/models/Xenova/whisper-tiny/config.json', '/models/o/m/README']) {
      expect(isAppNavigation(new URL(path, 'http://a').pathname), path).toBe(false);
    }
  });
});
