import type { MediaVault } from './media-vault.ts';

/**
 * `vault`, calling `onchange` once a copy is kept or freed: a copy can finish long after the
 * project it belongs to was saved (a big video copied after its subtitles were read), and lists
 * that show what each project keeps must hear of it then, not at the next save.
 */
export function watchedMediaVault(vault: MediaVault, onchange: (projectId: string) => void): MediaVault {
  return {
    remember: (file, handle) => vault.remember(file, handle),
    keep: async (projectId, file, options) => {
      const kept = await vault.keep(projectId, file, options);
      onchange(projectId);
      return kept;
    },
    get: (projectId, as) => vault.get(projectId, as),
    list: () => vault.list(),
    remove: async (projectId) => {
      await vault.remove(projectId);
      onchange(projectId);
    },
  };
}
