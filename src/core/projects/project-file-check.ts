import type { Cues } from '../subtitles/cue-edits.ts';
import type { EditOp } from './edit-log.ts';
import type { SpeakerTurn } from '../speakers/speaker-turns.ts';
import { TIMING_RULES } from '../subtitles/timing-rules.ts';
import { replayLog, type LogEntry } from './project-log.ts';
import type { ProjectMeta, ProjectSettings, ProjectStatus } from './project-store.ts';

/** What a project file holds in `project.json`, as read: checked field by field before anything is kept. */
export interface ProjectFileBody {
  readonly meta: Omit<ProjectMeta, 'id'>;
  readonly entries: readonly LogEntry[];
  /** The media's file name in the archive (`media/…`), when it was included. */
  readonly media: { readonly name: string; readonly type: string } | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const isSpeaker = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isWord = (w: unknown): boolean => isObject(w) && isNumber(w.start) && isNumber(w.end) && typeof w.text === 'string' && isSpeaker(w.speaker);

function isCue(v: unknown): boolean {
  if (!isObject(v) || !isNumber(v.start) || !isNumber(v.end) || typeof v.text !== 'string' || !isSpeaker(v.speaker)) return false;
  return v.words === undefined || (Array.isArray(v.words) && v.words.every(isWord));
}

const isTurn = (v: unknown): boolean => isObject(v) && isNumber(v.start) && isNumber(v.end) && typeof v.speaker === 'string';

const isCues = (v: unknown): boolean => Array.isArray(v) && v.every(isCue);
const OP_TYPES = new Set<EditOp['type']>(['edit', 'act', 'replace', 'splice', 'assign', 'rename', 'fix-timing', 'undo', 'redo']);

function isOp(v: unknown): boolean {
  if (!isObject(v) || !OP_TYPES.has(v.type as EditOp['type'])) return false;
  if (v.type === 'edit') return isNumber(v.index) && isObject(v.patch);
  if (v.type === 'act') return isNumber(v.index) && isObject(v.action) && isNumber(v.playhead);
  if (v.type === 'replace') return typeof v.find === 'string' && typeof v.replacement === 'string';
  if (v.type === 'splice') return isNumber(v.index) && isNumber(v.count) && isCues(v.cues);
  if (v.type === 'assign') return Array.isArray(v.indices) && v.indices.every(isNumber) && (v.speaker === null || typeof v.speaker === 'string');
  if (v.type === 'rename') return typeof v.from === 'string' && typeof v.to === 'string';
  if (v.type === 'fix-timing') return isObject(v.rules) && Object.keys(TIMING_RULES).every((k) => isNumber((v.rules as Record<string, unknown>)[k]));
  return true;
}

const STATUSES = new Set<ProjectStatus>(['queued', 'transcribing', 'done', 'failed', 'cancelled']);
const SETTING_TEXTS = ['repo', 'dtype', 'device', 'quality', 'task'] as const;

/** Its settings, when each field has its type; else none (the project opens all the same). */
function readSettings(v: unknown): ProjectSettings | undefined {
  if (!isObject(v) || !SETTING_TEXTS.every((k) => typeof v[k] === 'string') || typeof v.vad !== 'boolean') return undefined;
  const language = typeof v.language === 'string' ? v.language : null;
  return Object.freeze({ ...(Object.fromEntries(SETTING_TEXTS.map((k) => [k, v[k]])) as Record<(typeof SETTING_TEXTS)[number], string>), vad: v.vad, language, ...(typeof v.prompt === 'string' ? { prompt: v.prompt } : {}) });
}

/** The metadata a file may carry, field by field (anything else it holds is left out); the id is the importer's. */
function readMeta(v: Record<string, unknown>): Omit<ProjectMeta, 'id'> {
  const number = (k: string): number | undefined => (isNumber(v[k]) ? v[k] : undefined);
  const status = STATUSES.has(v.status as ProjectStatus) ? (v.status as ProjectStatus) : undefined;
  const optional = { size: number('size'), duration: number('duration'), rtf: number('rtf'), kind: typeof v.kind === 'string' ? v.kind : undefined, settings: readSettings(v.settings), status };
  const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
  return Object.freeze({ name: v.name as string, createdAt: v.createdAt as number, updatedAt: v.updatedAt as number, ...present });
}

/** A log entry as written by `entryForFile`: peaks as base64 text. */
function readEntry(v: unknown, fromBase64: (text: string) => Uint8Array): LogEntry | null {
  if (!isObject(v)) return null;
  if (v.kind === 'cues' && isCues(v.cues)) return Object.freeze({ kind: 'cues', cues: Object.freeze(v.cues) as Cues });
  if (v.kind === 'op' && isOp(v.op)) return Object.freeze({ kind: 'op', op: v.op as EditOp });
  if (v.kind === 'speakers' && Array.isArray(v.turns) && v.turns.every(isTurn)) return Object.freeze({ kind: 'speakers', turns: Object.freeze(v.turns) as readonly SpeakerTurn[] });
  if (v.kind === 'peaks' && typeof v.peaks === 'string') return Object.freeze({ kind: 'peaks', peaks: fromBase64(v.peaks) });
  return null;
}

/**
 * The project in a file's `project.json`, or why it cannot be one: every entry is checked and the
 * log replayed here, so a damaged file is refused whole, never kept as half a project.
 */
export function checkProjectBody(value: unknown, fromBase64: (text: string) => Uint8Array): ProjectFileBody | string {
  if (!isObject(value) || !isObject(value.meta) || !Array.isArray(value.entries)) return 'its project.json is not a project';
  const meta = value.meta;
  if (typeof meta.name !== 'string' || !isNumber(meta.createdAt) || !isNumber(meta.updatedAt)) return 'its project has no name or dates';
  const entries = value.entries.map((e) => readEntry(e, fromBase64));
  const bad = entries.findIndex((e) => e === null);
  if (bad >= 0) return `entry ${bad + 1} of its history cannot be read`;
  try {
    replayLog(entries as LogEntry[]);
  } catch {
    return 'its history cannot be replayed';
  }
  const media = isObject(value.media) && typeof value.media.name === 'string' ? { name: value.media.name, type: String(value.media.type ?? '') } : null;
  return { meta: readMeta(meta), entries: entries as LogEntry[], media };
}
