import { applyEdit, type EditOp } from '../../core/projects/edit-log.ts';
import type { CueAction } from '../../core/subtitles/cue-edits.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import { joinPeaks } from '../../core/projects/project-log.ts';
import { labelByTurns, type SpeakerTurn } from '../../core/speakers/speaker-turns.ts';
import { CueEditor } from './cue-editor.svelte.ts';
import type { ProjectDetails, ProjectMeta, ProjectStatus } from '../../core/projects/project-store.ts';
import type { Opened, ProjectSaver } from './project-saver.svelte.ts';
import { GONE, type MediaLookup, type MediaVault } from '../storage/media-vault.ts';
import type { TabSignals } from '../tabs/tab-signals.ts';

/** Another transcript's playhead means nothing here: each starts at its beginning. */
const AT_START = Object.freeze({ index: 0, start: 0 });

/**
 * The cues of one media file, as a person edits and exports them: each transcribed window and each
 * edit saved to the open project as it happens, so a reload or a failed run loses nothing and undo
 * survives a reload. A transcription job only begins and appends.
 */
export class Transcript {
  source = $state('');
  readonly editor = new CueEditor([], () => undefined);
  cues = $derived.by(() => this.editor.cues);
  /** Where the player should go (a search result opened), or null. */
  seekTo = $state.raw<{ readonly index: number; readonly start: number } | null>(null);
  /** The waveform's peaks (`core/media/peaks.ts`), as far as the media was read. */
  peaks = $state.raw<Uint8Array>(new Uint8Array(0));
  /** The open project's media to play: here, kept but waiting for a permission click, or gone. */
  media = $state.raw<MediaLookup>(GONE);
  readonly #saver: ProjectSaver;
  readonly #vault: MediaVault | null;
  /** Something the person should know about the project that was open (it was deleted in another tab). */
  notice = $state<string | null>(null);
  /** The open project's media type: a kept copy plays as audio or video by it. */
  #kind: string | undefined;
  #reloading: ReturnType<typeof setTimeout> | null = null;

  constructor(saver: ProjectSaver, vault: MediaVault | null = null, signals?: TabSignals) {
    this.#saver = saver;
    this.#vault = vault;
    signals?.on('saved', ({ projectId }) => this.#followSaved(projectId));
    signals?.on('renamed', ({ projectId, name }) => {
      if (projectId !== this.#saver.openId) return;
      this.#saver.renamed(projectId, name);
      this.source = name;
    });
    signals?.on('deleted', ({ projectId }) => {
      if (projectId !== this.#saver.openId) return;
      this.close();
      this.notice = 'The project that was open here was deleted in another tab or window.';
    });
  }

  /** Another tab edits this project: it shows here, and edits here are refused. */
  get readOnly(): boolean {
    return this.#saver.readOnly;
  }

  /** The open project's id, or null for none. */
  get projectId(): string | null {
    return this.#saver.openId;
  }

  /** Why this tab only shows the open project, or null when it may edit it. */
  get readOnlyReason(): string | null {
    const access = this.#saver.access;
    return this.readOnly && access.mode === 'read-only' ? access.reason : null;
  }

  /** Edit the open project in this tab: the other tab hands it over, and what it saved shows here. */
  async openHere(): Promise<void> {
    const id = this.#saver.openId;
    if (!id) return;
    await this.#saver.takeOver();
    await this.open(id);
  }

  /** What the editing tab saves shows here (a pause after the last save, so a running transcription does not replay the log each window). */
  #followSaved(projectId: string): void {
    if (projectId !== this.#saver.openId || !this.readOnly) return;
    if (this.#reloading) clearTimeout(this.#reloading);
    this.#reloading = setTimeout(() => {
      this.#reloading = null;
      if (this.#saver.openId === projectId && this.readOnly) void this.#reload(projectId);
    }, 300);
  }

  async #reload(id: string): Promise<void> {
    const saved = await this.#saver.open(id);
    if (!saved) return;
    this.source = saved.name;
    this.editor.load(saved.history);
    this.peaks = saved.peaks;
  }

  /** Why the latest changes are not saved (a full disk), or null. */
  get saveError(): string | null {
    return this.#saver.saveError;
  }

  /** Changes are still being written: closing the page now could lose the latest. */
  get saving(): boolean {
    return this.#saver.pending > 0;
  }

  /** The project that was open before a reload, with its undo history. */
  async reopen(): Promise<void> {
    const saved = await this.#saver.reopen();
    if (!saved || this.source !== '' || this.cues.length > 0) return; // a transcription began meanwhile
    await this.#show(saved);
  }

  /** A transcription of `media` begins, into a new project or a queued one: the cues start empty. */
  begin(media: File | string, details: ProjectDetails = {}, project?: ProjectMeta): void {
    this.source = typeof media === 'string' ? media : media.name;
    this.seekTo = AT_START;
    this.editor.reset([]);
    this.media = typeof media === 'string' ? GONE : Object.freeze({ state: 'ready', file: media });
    this.peaks = new Uint8Array(0);
    this.notice = null;
    this.#saver.start(this.source, details, project);
  }

  /** The person lets the app read the kept file again (the browser asks; this runs in their click). */
  async allowMedia(): Promise<void> {
    if (this.media.state !== 'needs-permission') return;
    const file = await this.media.grant();
    if (file) this.found(file);
  }

  /** The person picked the media again, or let the app read its kept handle. */
  found(file: File): void {
    this.media = Object.freeze({ state: 'ready', file });
  }

  /** Media made while transcribing (a live session's recording): it plays here and is kept with the project. */
  async keepMedia(file: File, duration: number): Promise<void> {
    const id = this.#saver.openId;
    this.found(file);
    this.#kind = file.type;
    this.#saver.update({ duration });
    if (id && this.#vault) await this.#vault.keep(id, file, { copy: true });
  }

  /** How the run of this project ended. */
  ended(status: ProjectStatus, rtf?: number): void {
    this.#saver.update(rtf === undefined ? { status } : { status, rtf });
  }

  /** No project open: the studio is empty until the next transcription or open. */
  close(): void {
    this.source = '';
    this.seekTo = AT_START;
    this.editor.reset([]);
    this.media = GONE;
    this.peaks = new Uint8Array(0);
    this.#saver.forget();
  }

  /** Open a saved project in place of this one. */
  async open(id: string): Promise<void> {
    const saved = await this.#saver.open(id);
    if (saved) await this.#show(saved);
  }

  /** The open project's media: a kept copy or handle. */
  async lookUpMedia(): Promise<void> {
    const id = this.#saver.openId;
    const lookup = id && this.#vault ? await this.#vault.get(id, { name: this.source, kind: this.#kind }).catch(() => GONE) : GONE;
    if (id === this.#saver.openId) this.media = lookup;
  }

  async #show(saved: Opened): Promise<void> {
    this.notice = null;
    this.source = saved.name;
    this.seekTo = AT_START;
    this.editor.load(saved.history);
    this.peaks = saved.peaks;
    this.#kind = saved.meta?.kind;
    this.media = GONE;
    await this.lookUpMedia();
  }

  /** More of the waveform, read by the running transcription. */
  addPeaks(peaks: Uint8Array): void {
    this.peaks = joinPeaks([this.peaks, peaks]);
    this.#saver.log({ kind: 'peaks', peaks });
  }

  /** Who speaks when, found by the running transcription: its cues labelled, cut where the speaker changes (no undo step). */
  labelSpeakers(turns: readonly SpeakerTurn[]): void {
    this.editor.reset(labelByTurns(this.cues, turns));
    this.#saver.log({ kind: 'speakers', turns });
  }

  /** Cues that came from the running transcription (not an edit: no undo step). */
  append(cues: readonly Cue[]): void {
    this.editor.reset([...this.cues, ...cues]);
    if (cues.length > 0) this.#saver.log({ kind: 'cues', cues });
  }

  edit(index: number, patch: Extract<EditOp, { type: 'edit' }>['patch']): void {
    this.apply({ type: 'edit', index, patch });
  }

  /** A cue's button: nudge, split at the playhead, merge with the next, delete. */
  act(index: number, action: CueAction, playhead: number): void {
    this.apply({ type: 'act', index, action, playhead });
  }

  /** A new take of a stretch (or one cue of it) replaces the cues it covers: one edit, one undo step. */
  splice({ index, count }: { readonly index: number; readonly count: number }, cues: readonly Cue[]): void {
    this.apply({ type: 'splice', index, count, cues: Object.freeze([...cues]) });
  }

  undo(): void {
    if (!this.editor.canUndo || this.readOnly) return;
    this.editor.undo();
    this.#saver.log({ kind: 'op', op: { type: 'undo' } });
  }

  redo(): void {
    if (!this.editor.canRedo || this.readOnly) return;
    this.editor.redo();
    this.#saver.log({ kind: 'op', op: { type: 'redo' } });
  }

  /** An edit (find and replace, a speaker assigned or renamed, …), saved as one undo step; how many cues it changed. */
  apply(op: Exclude<EditOp, { type: 'undo' | 'redo' }>): number {
    if (this.readOnly) return 0;
    let count = 0;
    const before = this.cues;
    this.editor.apply((cues) => {
      const result = applyEdit(cues, op);
      count = result.count;
      return result.cues;
    });
    if (this.cues !== before) this.#saver.log({ kind: 'op', op });
    return count;
  }

  /** Subtitles from a file become a project on `media` (a file to play, or just a name until it is picked): edit them as if transcribed. */
  async importCues(media: File | string, cues: readonly Cue[], options: { readonly copy: boolean }): Promise<void> {
    this.begin(media, typeof media === 'string' ? {} : { size: media.size, kind: media.type });
    this.append(cues);
    this.ended('done');
    const id = this.#saver.openId;
    if (typeof media !== 'string' && id && this.#vault) await this.#vault.keep(id, media, options).catch(() => undefined);
  }
}
