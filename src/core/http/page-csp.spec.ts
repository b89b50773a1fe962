import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspMetaTag } from '../../../csp.config.ts';
import { pagePolicy } from './page-csp.ts';

describe('pagePolicy', () => {
  it('reads back the policy the build writes into index.html, and nothing from a page without one', () => {
    const html = `<!doctype html><html><head>\n    ${cspMetaTag(['http://127.0.0.1:5180'])}<title>x</title></head></html>`;
    expect(pagePolicy(html)).toBe(contentSecurityPolicy(['http://127.0.0.1:5180'], 'meta'));
    expect(pagePolicy('<html><head></head></html>')).toBeNull();
  });
});
