/** How many speakers to find: as many as the voices say, or a number the person knows. */
export type SpeakerCount = 'auto' | number;

/** At most this many segments are clustered pairwise; the others join the nearest cluster (an hour has ~4,800). */
const MAX_CLUSTERED = 320;
/**
 * Two clusters of prints further apart than this (on average, between their prints) are two voices.
 * Set between what the fixtures measure: one voice's 1.5 s prints lie 6–55 apart, two voices' 66–170.
 */
const SAME_VOICE_DISTANCE = 60;

const distance = (a: Float32Array, b: Float32Array): number => {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d] - b[d]) ** 2;
  return Math.sqrt(sum);
};

/**
 * Average-linkage clustering, merging the closest two clusters until `stop` says so (given how many
 * clusters there are and how far apart the next two to merge stand); each point's cluster then.
 */
function agglomerate(points: readonly Float32Array[], stop: (clusters: number, next: number) => boolean): Int32Array {
  const n = points.length;
  const d = points.map((p) => Float64Array.from(points, (q) => distance(p, q)));
  const [size, owner, alive] = [new Float64Array(n).fill(1), Int32Array.from({ length: n }, (_, i) => i), new Uint8Array(n).fill(1)];
  for (let clusters = n; clusters > 1; clusters--) {
    let [a, b, best] = [-1, -1, Infinity];
    for (let i = 0; i < n; i++) if (alive[i]) for (let j = i + 1; j < n; j++) if (alive[j] && d[i][j] < best) [a, b, best] = [i, j, d[i][j]];
    if (stop(clusters, best)) break;
    for (let x = 0; x < n; x++) if (alive[x] && x !== a) d[a][x] = d[x][a] = (size[a] * d[a][x] + size[b] * d[b][x]) / (size[a] + size[b]);
    [size[a], alive[b]] = [size[a] + size[b], 0];
    for (let i = 0; i < n; i++) if (owner[i] === b) owner[i] = a;
  }
  return owner;
}

function centroids(points: readonly Float32Array[], labels: ArrayLike<number>): Float32Array[] {
  const groups = new Map<number, Float32Array[]>();
  points.forEach((p, i) => (groups.get(labels[i]) ?? groups.set(labels[i], []).get(labels[i])!).push(p));
  return [...groups.values()].map((group) => Float32Array.from(group[0], (_, d) => group.reduce((sum, p) => sum + p[d], 0) / group.length));
}

function nearest(p: Float32Array, centres: readonly Float32Array[]): number {
  const distances = centres.map((c) => distance(p, c));
  return distances.indexOf(Math.min(...distances));
}

/** Evenly spread indices, at most `max` of `n`. */
const spread = (n: number, max: number): number[] => Array.from({ length: Math.min(n, max) }, (_, i) => Math.floor((i * n) / Math.min(n, max)));

/**
 * Which speaker each voice print is (0, 1, …): average-linkage clustering of the prints down to the
 * count asked for or, on automatic, until the closest two clusters stand further apart than one
 * voice's prints do, then two passes of nearest centre over every print.
 */
export function clusterVoices(prints: readonly Float32Array[], count: SpeakerCount): Int32Array {
  if (prints.length === 0) return new Int32Array(0);
  const sample = spread(prints.length, MAX_CLUSTERED).map((i) => prints[i]);
  const stop = count === 'auto' ? (_: number, next: number) => next > SAME_VOICE_DISTANCE : (clusters: number) => clusters <= count;
  let centres = centroids(sample, agglomerate(sample, stop));
  let labels = Int32Array.from(prints, (p) => nearest(p, centres));
  for (let pass = 0; pass < 2; pass++) {
    centres = centroids(prints, labels);
    labels = Int32Array.from(prints, (p) => nearest(p, centres));
  }
  return labels;
}
