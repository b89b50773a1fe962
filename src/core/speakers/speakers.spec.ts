import { describe, expect, it } from 'vitest';
import { cue, word } from '../subtitles/cue.ts';
import { replay } from '../projects/edit-log.ts';
import { replayLog } from '../projects/project-log.ts';
import { assignSpeaker, newSpeakerName, renameSpeaker } from './speaker-edits.ts';
import { labelByTurns, speakerAt } from './speaker-turns.ts';
import { speakerColour, speakersOf } from '../subtitles/speaker-colours.ts';
import { splitAt } from '../subtitles/cue-edits.ts';

const words = [word(0, 0.5, 'Hello'), word(0.6, 1, 'there.'), word(1.4, 1.8, 'Hi'), word(1.9, 2.3, 'Anna.')];
const talk = [cue(0, 2.4, 'Hello there. Hi Anna.', words), cue(3, 4, 'Bye.')];

describe('speakers on cues', () => {
  it('assigns the selected cues, words included, and clears with null', () => {
    const said = assignSpeaker(talk, [0, 1], 'Ben');
    expect(said.map((c) => c.speaker)).toEqual(['Ben', 'Ben']);
    expect(said[0].words!.every((w) => w.speaker === 'Ben')).toBe(true);
    const cleared = assignSpeaker(said, [1], null);
    expect(cleared[1]).not.toHaveProperty('speaker');
    expect(cleared[0]).toBe(said[0]);
  });

  it('renames everywhere, and a rename onto another name merges the two', () => {
    const two = assignSpeaker(assignSpeaker(talk, [0], 'Ben'), [1], 'Speaker 2');
    expect(speakersOf(renameSpeaker(two, 'Speaker 2', 'Anna'))).toEqual(['Ben', 'Anna']);
    const merged = renameSpeaker(two, 'Speaker 2', 'Ben');
    expect(speakersOf(merged)).toEqual(['Ben']);
    expect(merged[0].words!.every((w) => w.speaker === 'Ben')).toBe(true);
    expect(newSpeakerName(two)).toBe('Speaker 3');
  });

  it('gives each speaker a colour by the order they first speak, kept through a rename', () => {
    const two = assignSpeaker(assignSpeaker(talk, [0], 'Ben'), [1], 'Cleo');
    const before = speakerColour(speakersOf(two), 'Cleo');
    const renamed = renameSpeaker(two, 'Cleo', 'Dora');
    expect(speakerColour(speakersOf(renamed), 'Dora')).toBe(before);
    expect(speakerColour(speakersOf(renamed), undefined)).toBeNull();
  });

  it('keeps the speaker through edits, and a split piece takes its first word’s speaker', () => {
    const labelled = labelByTurns(talk, [{ start: 0, end: 1.2, speaker: 'A' }, { start: 1.2, end: 5, speaker: 'B' }]);
    const split = splitAt(assignSpeaker(labelled, [0], 'A'), 0, 0.55);
    expect(split[0].speaker).toBe('A');
  });
});

describe('turns from detection', () => {
  it('labels every word at its middle and cuts a cue where the speaker changes', () => {
    const labelled = labelByTurns(talk, [{ start: 0, end: 1.2, speaker: 'Speaker 1' }, { start: 1.3, end: 5, speaker: 'Speaker 2' }]);
    expect(labelled.map((c) => [c.text, c.speaker])).toEqual([['Hello there.', 'Speaker 1'], ['Hi Anna.', 'Speaker 2'], ['Bye.', 'Speaker 2']]);
    expect(labelled[0].end).toBe(1.4);
    expect(labelled[1].words!.map((w) => w.speaker)).toEqual(['Speaker 2', 'Speaker 2']);
  });

  it('gives a time between turns to the nearest', () => {
    const turns = [{ start: 0, end: 1, speaker: 'A' }, { start: 3, end: 4, speaker: 'B' }];
    expect([speakerAt(turns, 1.4), speakerAt(turns, 2.9), speakerAt([], 1)]).toEqual(['A', 'B', undefined]);
  });
});

describe('speakers in the edit log', () => {
  it('replays assign and rename, and undoes each as one step', () => {
    const h = replay(talk, [{ type: 'assign', indices: [0, 1], speaker: 'Ben' }, { type: 'rename', from: 'Ben', to: 'Anna' }, { type: 'undo' }]);
    expect(h.present.map((c) => c.speaker)).toEqual(['Ben', 'Ben']);
  });

  it('applies detection’s turns as the transcription’s own output (no undo step)', () => {
    const h = replayLog([{ kind: 'cues', cues: talk }, { kind: 'speakers', turns: [{ start: 0, end: 9, speaker: 'Speaker 1' }] }]);
    expect(h.present.every((c) => c.speaker === 'Speaker 1')).toBe(true);
    expect(h.past).toHaveLength(0);
  });
});
