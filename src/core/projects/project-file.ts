import { strToU8, Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';
import { StudioError } from '../errors.ts';
import { checkProjectBody, type ProjectFileBody } from './project-file-check.ts';
import type { LogEntry } from './project-log.ts';
import type { ProjectMeta } from './project-store.ts';

/**
 * A project as one file, to back it up or hand it on: a ZIP with `project.json` (its metadata, every
 * log entry — cues with their words, each edit, so undo survives — and the format's name and
 * version) and, when asked, `media/<name>` (stored, not compressed). Read and written as streams,
 * so a film's media never sits in memory twice.
 */
export const PROJECT_FILE_FORMAT = 'whisper-studio-project';
export const PROJECT_FILE_VERSION = 1;
export const PROJECT_FILE_EXTENSION = '.wsproject';

const toBase64 = (bytes: Uint8Array): string => {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(at, at + 0x8000)));
  return btoa(parts.join(''));
};
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const entryForFile = (entry: LogEntry): unknown => (entry.kind === 'peaks' ? { kind: 'peaks', peaks: toBase64(entry.peaks) } : entry);
const damaged = (why: string): StudioError =>
  new StudioError({ code: 'invalid-input', message: `This is not a Whisper Studio project file, or it is damaged: ${why}. Nothing was imported.` });

/** The project as one file's bytes (a Blob, built as the media streams in). */
export async function packProject(project: { readonly meta: ProjectMeta; readonly entries: readonly LogEntry[]; readonly media: File | null }): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => (error ? (failed = error) : chunks.push(chunk)));
  const media = project.media ? { name: project.media.name.replace(/[\\/]/g, '_') || 'media', type: project.media.type } : null;
  const body = { format: PROJECT_FILE_FORMAT, version: PROJECT_FILE_VERSION, meta: project.meta, entries: project.entries.map(entryForFile), media };
  const json = new ZipDeflate('project.json', { level: 6 });
  zip.add(json);
  json.push(strToU8(JSON.stringify(body)), true);
  if (project.media && media) {
    // Deflate at level 0: stored blocks, which a streaming reader can find the end of (plain stored entries it cannot).
    const entry = new ZipDeflate(`media/${media.name}`, { level: 0 });
    zip.add(entry);
    const reader = project.media.stream().getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) entry.push(next.value);
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failed) throw failed;
  return new Blob(chunks as BlobPart[], { type: 'application/zip' });
}

/** Every entry of a ZIP as it streams by: `project.json` as text, the media as a File. */
async function readEntries(file: Blob): Promise<{ json: string | null; media: Map<string, Blob> }> {
  const parts = new Map<string, Uint8Array[]>();
  const ended: Promise<void>[] = [];
  const unzip = new Unzip((entry) => {
    const chunks: Uint8Array[] = [];
    parts.set(entry.name, chunks);
    ended.push(new Promise((resolve, reject) => {
      entry.ondata = (error, data, final) => (error ? reject(error) : (chunks.push(data), final && resolve()));
    }));
    entry.start();
  });
  unzip.register(UnzipInflate);
  const reader = file.stream().getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) unzip.push(next.value);
  unzip.push(new Uint8Array(0), true);
  await Promise.all(ended);
  const json = parts.get('project.json');
  const media = new Map([...parts].filter(([name]) => name.startsWith('media/')).map(([name, chunks]) => [name.slice(6), new Blob(chunks as BlobPart[])]));
  return { json: json ? await new Blob(json as BlobPart[]).text() : null, media };
}

/** The project in a file, checked whole; a file of another format, a newer version or a damaged one throws a message. */
export async function unpackProject(file: Blob): Promise<{ readonly body: ProjectFileBody; readonly media: File | null }> {
  const read = await readEntries(file).catch((error: unknown) => {
    throw damaged(`it is not a readable ZIP (${error instanceof Error ? error.message : String(error)})`);
  });
  if (read.json === null) throw damaged('it holds no project.json');
  let value: { format?: unknown; version?: unknown };
  try {
    value = JSON.parse(read.json) as typeof value;
  } catch {
    throw damaged('its project.json is not JSON');
  }
  if (value?.format !== PROJECT_FILE_FORMAT) throw damaged('its project.json names no Whisper Studio project');
  if (typeof value.version !== 'number' || value.version > PROJECT_FILE_VERSION || value.version < 1) {
    throw new StudioError({ code: 'unsupported', message: `This project file is in format ${String(value.version)}; this version of Whisper Studio reads format ${PROJECT_FILE_VERSION}. Update the app (reload it when online) and import it again. Nothing was imported.` });
  }
  const body = checkProjectBody(value, fromBase64);
  if (typeof body === 'string') throw damaged(body);
  const bytes = body.media ? read.media.get(body.media.name) : undefined;
  if (body.media && !bytes) throw damaged(`the media it names (${body.media.name}) is missing`);
  return { body, media: body.media && bytes ? new File([bytes], body.media.name, { type: body.media.type }) : null };
}
