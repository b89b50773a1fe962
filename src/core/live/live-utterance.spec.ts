import { describe, expect, it } from 'vitest';
import { word, type Word } from '../subtitles/cue.ts';
import { finished, heardAgain, NEW_UTTERANCE, pastCommitted } from './live-utterance.ts';

const words = (text: string, from = 0): Word[] => text.split(' ').map((t, i) => word(from + i * 0.5, from + i * 0.5 + 0.4, t));
const texts = (list: readonly Word[]): string => list.map((w) => w.text).join(' ');

describe('LocalAgreement-2 over one utterance', () => {
  it('commits only what two passes agree on, case and punctuation aside', () => {
    const first = heardAgain(NEW_UTTERANCE, words('And so my fellow'));
    expect(first.commit).toEqual([]);
    expect(texts(first.tentative)).toBe('And so my fellow');
    const second = heardAgain(first.utterance, words('and so, my fellow Americans'));
    expect(texts(second.commit)).toBe('and so, my fellow');
    expect(texts(second.tentative)).toBe('Americans');
    const third = heardAgain(second.utterance, words('and so my fellow Americans, ask'));
    expect(texts(third.commit)).toBe('Americans,');
    expect(texts(third.utterance.committed)).toBe('and so, my fellow Americans,');
  });

  it('stops agreeing at the first word that changed', () => {
    const first = heardAgain(NEW_UTTERANCE, words('ask not what your'));
    const second = heardAgain(first.utterance, words('ask not what you are country'));
    expect(texts(second.commit)).toBe('ask not what');
    expect(texts(second.tentative)).toBe('you are country');
  });

  it('never revises committed words: a pass that rewrote them counts only what it heard after them', () => {
    const committed = words('ask not what');
    const rewritten = words('asked knot what your country', 0);
    expect(texts(pastCommitted(committed, rewritten))).toBe('your country');
    expect(texts(pastCommitted(committed, words('ask not what your')))).toBe('your');
  });

  it('a finished utterance takes the last pass past what was committed', () => {
    const first = heardAgain(NEW_UTTERANCE, words('for you'));
    const second = heardAgain(first.utterance, words('for you ask'));
    expect(texts(finished(second.utterance, words('for you. Ask what')))).toBe('Ask what');
  });
});
