import type { RepoFile } from '../hub/list-repo-files.ts';
import type { HashKind } from './hasher.ts';

/** LFS files carry a sha256 in the listing; small files only their git blob id. */
export const hashKind = (file: RepoFile): HashKind => (file.sha256 ? 'sha256' : 'git-sha1');

export const checksumOf = (file: Pick<RepoFile, 'sha256' | 'oid'>): string => file.sha256 ?? file.oid;
