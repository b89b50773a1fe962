/** Characters no file system or ZIP reader takes in a name (path separators, Windows' reserved ones, controls). */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_BASE = 120;

/**
 * A media name as the base of a file to save: without its extension, path parts or characters a file
 * system refuses (`../a\b:c.mp3` → `.._a_b_c`), never empty, never only dots, never a device name.
 */
export function safeBaseName(mediaName: string, fallback = 'transcript'): string {
  const base = mediaName.replace(/\.[^./\\]+$/, '').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().slice(0, MAX_BASE);
  if (base === '' || /^\.+$/.test(base)) return fallback;
  return RESERVED.test(base) ? `${base}_` : base.replace(/^\.+/, '');
}

/**
 * One base name per entry, unique when compared case-folded (as Windows and macOS compare), so no
 * entry of a ZIP or folder takes another's place: `talk`, `talk (2)`, and a name that is itself
 * `talk (2)` elsewhere in the list becomes `talk (2) (2)`.
 */
export function uniqueNames(bases: readonly string[]): string[] {
  const taken = new Set<string>();
  return bases.map((base) => {
    let name = base;
    for (let n = 2; taken.has(name.toLocaleLowerCase('en')); n++) name = `${base} (${n})`;
    taken.add(name.toLocaleLowerCase('en'));
    return name;
  });
}
