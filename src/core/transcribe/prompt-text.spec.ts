import { describe, expect, it } from 'vitest';
import { promptText } from './prompt-text.ts';

describe('promptText', () => {
  it('puts the names and terms first, then the prompt', () => {
    expect(promptText(' Welcome back. ', 'Zorvax\n Quan, Ilse \n')).toBe('Zorvax, Quan, Ilse. Welcome back.');
    expect(promptText('', '')).toBe('');
    expect(promptText('Only a prompt', '')).toBe('Only a prompt');
  });
});
