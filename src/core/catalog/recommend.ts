import { fitsMemory, fitsStorage, type DeviceProfile } from './model-fit.ts';
import { estimateRtf, modelCost, modelRank, speedText, type RtfRecord } from './model-speed.ts';
import type { CatalogEntry } from './whisper-catalog.ts';
import type { Device, DevicePreference } from '../transcribe/decode-options.ts';

export type { DeviceProfile } from './model-fit.ts';
export type { RtfRecord } from './model-speed.ts';

/** `recommended`: the pick for this device; the others one step either side of it. */
const ROLE_LABEL = { recommended: 'Recommended', 'more accurate': 'More accurate', faster: 'Faster' } as const;

export type RecommendationRole = 'recommended' | 'more accurate' | 'faster';

export interface Recommendation {
  readonly entry: CatalogEntry;
  readonly role: RecommendationRole;
  /** The decoding to use it with here. */
  readonly quality: 'fast' | 'best';
  readonly rtf: number;
  /** What the library says: `Recommended: runs on CPU, ~6× real time, decoded Fast`. */
  readonly why: string;
}

/**
 * The pick, and the decoding Automatic uses, run at least five times faster than real time: a
 * ten-minute talk in two. On 2 cores (models.bench.ts, dense talk) that is base decoded Fast:
 * RTF 0.14 and WER 0.10 where tiny Best gives 0.11 and 0.33, and base Best costs 1.5× Fast for
 * the same words. A bigger model decoded Fast beats a smaller one decoded Best.
 */
const BUDGET_RTF = 0.2;
/** "More accurate" may be slower, but still at least twice as fast as real time. */
const MAX_RTF = 0.5;
/** Beams cost time on long media: above this, Automatic decodes Fast whatever the model. */
const BEST_BELOW_SECONDS = 600;

export const deviceFor = (profile: DeviceProfile): Device => (profile.gpu === 'real' ? 'webgpu' : 'wasm');

/** Where a run will go: the person's choice, or on Auto a real GPU when there is one (as the worker picks). */
export const runDevice = (preference: DevicePreference, profile: DeviceProfile | null): Device =>
  preference !== 'auto' ? preference : profile ? deviceFor(profile) : 'wasm';

/** What Decoding → Automatic means for this model here: Best where that stays within the budget, else Fast. */
export function autoQuality(repo: string, device: Device, seconds: number, history: readonly RtfRecord[]): 'fast' | 'best' {
  return seconds < BEST_BELOW_SECONDS && estimateRtf(repo, device, 'best', history).rtf <= BUDGET_RTF ? 'best' : 'fast';
}

interface Candidate {
  readonly entry: CatalogEntry;
  readonly fast: { rtf: number; measured: boolean };
}

function recommendation(c: Candidate, role: RecommendationRole, device: Device, history: readonly RtfRecord[]): Recommendation {
  const quality = autoQuality(c.entry.repo, device, 0, history);
  const { rtf, measured } = estimateRtf(c.entry.repo, device, quality, history);
  const where = role === 'recommended' ? (device === 'webgpu' ? 'fast on your GPU, ' : 'runs on CPU, ') : '';
  const why = `${ROLE_LABEL[role]}: ${where}${speedText(rtf)}${measured ? ' (measured here)' : ''}, decoded ${quality === 'best' ? 'Best' : 'Fast'}`;
  return Object.freeze({ entry: c.entry, role, quality, rtf, why });
}

/**
 * For this device: the most accurate model that runs at least 5× real time (decoded as Automatic
 * would here), the next bigger one that still runs 2× real time as "more accurate", and the next
 * smaller one as "faster". Models that do not fit its storage or memory are left out. Speeds are
 * this device's own where models ran here, else scaled from what ran here, else defaults.
 */
export function recommend(catalog: readonly CatalogEntry[], profile: DeviceProfile, history: readonly RtfRecord[]): Recommendation[] {
  const device = deviceFor(profile);
  const byAccuracy = catalog
    .filter((e) => !e.aliasOf && fitsStorage(e, profile) && fitsMemory(e, profile))
    .map((entry): Candidate => ({ entry, fast: estimateRtf(entry.repo, device, 'fast', history) }))
    // Multilingual first: one model for every language a person may bring; English-only ones where none fits.
    .sort((a, b) => Number(b.entry.multilingual) - Number(a.entry.multilingual) || modelRank(b.entry.name) - modelRank(a.entry.name) || modelCost(a.entry.name) - modelCost(b.entry.name));
  const pickAt = byAccuracy.findIndex((c) => c.fast.rtf <= BUDGET_RTF);
  // Nothing runs 5× real time here: the lightest model of the preferred kind.
  if (pickAt < 0) return byAccuracy.filter((c) => c.entry.multilingual === byAccuracy[0]?.entry.multilingual).slice(-1).map((c) => recommendation(c, 'recommended', device, history));
  const pick = byAccuracy[pickAt];
  const sameKind = (c: Candidate): boolean => c.entry.multilingual === pick.entry.multilingual && modelRank(c.entry.name) !== modelRank(pick.entry.name);
  const accurate = byAccuracy.slice(0, pickAt).reverse().find((c) => sameKind(c) && c.fast.rtf <= MAX_RTF);
  const faster = byAccuracy.slice(pickAt + 1).find(sameKind);
  return [
    recommendation(pick, 'recommended', device, history),
    ...(accurate ? [recommendation(accurate, 'more accurate', device, history)] : []),
    ...(faster ? [recommendation(faster, 'faster', device, history)] : []),
  ];
}
