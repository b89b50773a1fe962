import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../csp.config.ts';
import { connectAllowed } from './csp-connect.ts';

const policy = contentSecurityPolicy(['http://127.0.0.1:5180'], 'meta');
const self = 'http://127.0.0.1:4173';

describe('connectAllowed', () => {
  it('reads connect-src: self, the hub, its CDNs by wildcard, and baked-in origins', () => {
    expect(connectAllowed(policy, 'https://huggingface.co', self)).toBe(true);
    expect(connectAllowed(policy, 'https://cas-bridge.xethub.hf.co', self)).toBe(true);
    expect(connectAllowed(policy, 'http://127.0.0.1:5180', self)).toBe(true);
    expect(connectAllowed(policy, self, self)).toBe(true);
    expect(connectAllowed(policy, 'https://mirror.example', self)).toBe(false);
    expect(connectAllowed(policy, 'http://hf.co.evil.example', self)).toBe(false);
  });
  it('allows everything without a policy', () => {
    expect(connectAllowed(null, 'https://mirror.example', self)).toBe(true);
  });
});
