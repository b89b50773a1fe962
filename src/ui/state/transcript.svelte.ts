import { applyCueAction, replaceAll, type CueAction } from '../../core/subtitles/cue-edits.ts';
import { exportSegments, type ExportFormat } from '../../core/subtitles/formats.ts';
import { segment, type Segment } from '../../core/subtitles/segment.ts';
import { CueEditor } from './cue-editor.svelte.ts';
import type { TranscriptStore } from './transcript-store.ts';

const TYPES: Record<ExportFormat, string> = { srt: 'application/x-subrip', vtt: 'text/vtt', txt: 'text/plain', json: 'application/json' };

/** A file to save: its name, text and MIME type. */
export interface ExportedFile {
  readonly name: string;
  readonly text: string;
  readonly type: string;
}

/**
 * The cues of one media file, as a person edits and exports them: saved on the device at every
 * change, so a reload or a failed run loses nothing. A transcription job only begins and appends.
 */
export class Transcript {
  source = $state('');
  readonly editor: CueEditor;
  cues = $derived.by(() => this.editor.cues);

  constructor(store: TranscriptStore) {
    const saved = store.load();
    if (saved) this.source = saved.source;
    this.editor = new CueEditor(saved?.segments ?? [], (cues) => store.save({ source: this.source, segments: cues }));
  }

  /** A new transcription of `source`: the cues start empty. */
  begin(source: string): void {
    this.source = source;
    this.editor.reset([]);
  }

  /** Cues that came from the running transcription (not an edit: no undo step). */
  append(cues: readonly Segment[]): void {
    this.editor.reset([...this.cues, ...cues]);
  }

  edit(index: number, patch: Partial<Segment>): void {
    // A cue keeps its word timings only while its text is the one they time.
    const edited = (s: Segment): Segment => segment(patch.start ?? s.start, patch.end ?? s.end, patch.text ?? s.text, (patch.text ?? s.text) === s.text ? s.words : undefined);
    this.editor.apply((cues) => cues.map((s, i) => (i === index ? edited(s) : s)));
  }

  /** A cue's button: nudge, split at the playhead, merge with the next, delete. */
  act(index: number, action: CueAction, playhead: number): void {
    this.editor.apply((cues) => applyCueAction(cues, index, action, playhead));
  }

  /** Find and replace in every cue; how many were replaced. */
  replace(find: string, replacement: string): number {
    let count = 0;
    this.editor.apply((cues) => {
      const result = replaceAll(cues, find, replacement);
      count = result.count;
      return result.cues;
    });
    return count;
  }

  exportFile(format: ExportFormat): ExportedFile {
    const base = this.source.replace(/\.[^.]+$/, '') || 'transcript';
    return Object.freeze({ name: `${base}.${format}`, text: exportSegments(format, this.cues), type: TYPES[format] });
  }
}
