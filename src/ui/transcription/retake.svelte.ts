import type { MediaSpan } from '../../core/media/media-span.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import { cuesIn, shifted, textBefore } from '../../core/subtitles/cue-span.ts';
import { applyRules } from '../../core/subtitles/replace-rules.ts';
import { cuesOfPiece, pieceTaken, takePieces, type TakePiece } from '../../core/subtitles/take-pieces.ts';
import type { Transcript } from '../document/transcript.svelte.ts';
import { FileRun, type FileRunDeps } from './file-run.ts';
import type { TranscribeOptions } from './transcribe-options.ts';

/** A stretch of a project's media transcribed again: its cues on the media's timeline, and the project they may go into. */
export interface Take {
  readonly span: MediaSpan;
  readonly cues: readonly Cue[];
  readonly projectId: string | null;
}

export interface RetakeDeps extends FileRunDeps {
  readonly transcript: Transcript;
}

/**
 * A re-take: a stretch transcribed again into a proposal, left beside the transcript until it is
 * accepted (whole, or a cue at a time, each one undo step) or thrown away.
 */
export class Retake {
  /** The new take, waiting; its cues on the media's timeline. */
  proposal = $state.raw<Take | null>(null);
  readonly #deps: RetakeDeps;

  constructor(deps: RetakeDeps) {
    this.#deps = deps;
  }

  /** The take, while its project is the open one: another project's take is set aside, never accepted into this one. */
  get take(): Take | null {
    const proposal = this.proposal;
    return proposal && proposal.projectId === this.#deps.transcript.projectId ? proposal : null;
  }

  /** Transcribe `span` of the media again; the transcript is left as it is until the take is accepted. */
  retranscribe(file: Blob & { name?: string }, options: TranscribeOptions, span: MediaSpan): Promise<void> {
    if (this.#deps.status.busy) return Promise.resolve();
    const transcript = this.#deps.transcript;
    // As Whisper conditions on the previous text, the stretch hears what was said before it.
    const prompt = [options.prompt, textBefore(transcript.cues, span.from)].filter(Boolean).join(' ');
    this.proposal = Object.freeze({ span, cues: Object.freeze([]), projectId: transcript.projectId });
    const rules = options.rules ?? [];
    const run = new FileRun(this.#deps, {
      begin: () => undefined,
      cues: (cues) => {
        const proposal = this.proposal;
        if (proposal) this.proposal = Object.freeze({ ...proposal, cues: Object.freeze([...proposal.cues, ...shifted(applyRules(cues, rules), span.from)]) });
      },
      end: () => undefined,
    }, span);
    return run.start(file, { ...options, prompt });
  }

  /** The new take is accepted into the transcript (one undo step), or thrown away. */
  settle(accept: boolean): void {
    const take = this.take;
    if (!take) return;
    this.proposal = null;
    if (accept) this.#deps.transcript.splice(cuesIn(this.#deps.transcript.cues, take.span), take.cues);
  }

  /** One cue of the take accepted in place of the cues of its piece (one undo step); the take stays until every piece is in. */
  acceptPiece(piece: TakePiece): void {
    const take = this.take;
    const transcript = this.#deps.transcript;
    if (!take || this.#deps.status.busy) return;
    transcript.splice(cuesOfPiece(transcript.cues, take.span, piece), [piece.cue]);
    if (takePieces(take.span, take.cues).every((p) => pieceTaken(transcript.cues, p))) this.proposal = null;
  }
}
