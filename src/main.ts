import { mount } from 'svelte';
import { Workbox } from 'workbox-window';
import { isUpdateCheckDue } from './core/download/update-schedule.ts';
import { DOWNLOAD_CHANNEL, repoLockName, type DownloadReply, type DownloadRequest } from './core/download/download-protocol.ts';
import type { ReaderReply, ReaderRequest } from './core/media/media-protocol.ts';
import type { TranscribeReply, TranscriptionRequest } from './core/transcribe/transcribe-protocol.ts';
import type { SpeakersReply, SpeakersRequest } from './core/speakers/speakers-protocol.ts';
import App from './ui/App.svelte';
import { Library } from './ui/models/library.svelte.ts';
import { OfflineStatus } from './ui/settings/offline-status.svelte.ts';
import { Settings } from './ui/settings/settings.svelte.ts';
import { StorageStatus } from './ui/models/storage-status.svelte.ts';
import { Recorder } from './ui/transcription/recorder.svelte.ts';
import { Transcript } from './ui/document/transcript.svelte.ts';
import { TranscriptionStatus } from './ui/transcription/transcription-status.svelte.ts';
import { FileTranscription } from './ui/transcription/file-transcription.svelte.ts';
import { Retake } from './ui/transcription/retake.svelte.ts';
import { LiveTranscription } from './ui/transcription/live-transcription.svelte.ts';
import { LiveSession } from './ui/transcription/live-session.svelte.ts';
import { openSource, startCapture } from './ui/audio/live-capture.ts';
import { JobOwner, type WatchLife } from './workers/shared/job-owner.ts';
import { ProjectSaver } from './ui/document/project-saver.svelte.ts';
import { Projects } from './ui/projects/projects.svelte.ts';
import { ProjectSearch } from './ui/projects/project-search.svelte.ts';
import { idbProjectStore } from './ui/storage/idb-project-store.ts';
import { idbQueueStore } from './ui/storage/idb-queue-store.ts';
import { opfsMediaVault } from './ui/storage/opfs-media-vault.ts';
import { watchedMediaVault } from './ui/storage/watched-media-vault.ts';
import { idbRecordingChunks, keepUnfinishedRecordings } from './ui/storage/recording-chunks.ts';
import { BatchQueue } from './ui/queue/batch-queue.svelte.ts';
import { decodeAudio } from './ui/audio/decode-audio.ts';
import { saveBlob } from './ui/save-blob.ts';
import { reloadIntoIsolation } from './ui/isolation-reload.ts';
import { DeviceInfo } from './ui/models/device-profile.svelte.ts';
import { connectAllowed } from './core/http/csp-connect.ts';
import { RtfHistory } from './ui/models/rtf-history.svelte.ts';
import { autoQuality, runDevice } from './core/catalog/recommend.ts';
import type { ExportFormat } from './core/subtitles/export-formats.ts';
import type { SpeakerMark } from './core/subtitles/speaker-marks.ts';
import { VideoExport } from './ui/export/video-export.svelte.ts';
import { exportedVideos, offerExportedVideo, pickSaveTarget } from './ui/storage/exported-video.ts';
import { exportTranscript } from './ui/export/export-transcript.ts';
import { tabSignals, TAB_CHANNEL } from './ui/tabs/tab-signals.ts';
import { webHoldLock } from './ui/tabs/held-lock.ts';
import { ProjectLease } from './ui/tabs/project-lease.svelte.ts';
import { SharedQueue } from './ui/tabs/shared-queue.svelte.ts';
import { SubtitleImport } from './ui/subtitles/subtitle-import.svelte.ts';
import { TranscribeChoices } from './ui/transcription/transcribe-choices.svelte.ts';
import { Router } from './ui/shell/router.svelte.ts';
import { Navigation } from './ui/shell/navigation.svelte.ts';
import { PaneSizes } from './ui/shell/pane-sizes.svelte.ts';
import { TimingChoice } from './ui/document/timing-choice.svelte.ts';
import './ui/app.css';

/** Every worker's owner learns of its death through the Web Lock it holds while it lives. */
const watchLife: WatchLife = (lock, ondeath) => void navigator.locks.request(lock, () => ondeath());
const pagePolicy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null;
const settings = new Settings(localStorage, import.meta.env.VITE_HUB_URL, (origin) => connectAllowed(pagePolicy, origin, location.origin));
// Every worker has one owner on the page (workers/shared/job-owner.ts): it spawns it when a job needs it.
// (Each `new Worker(new URL(…))` is written out: that is how the bundler finds the worker's code.)
const downloads = new JobOwner<DownloadRequest, DownloadReply>({
  spawn: () => new Worker(new URL('./workers/download.worker.ts', import.meta.url), { type: 'module', name: 'download' }),
  name: 'The download worker',
  watchLife,
});
const whenRepoFree = (repo: string, then: () => void): void => void navigator.locks.request(repoLockName(repo), () => then());
const library = new Library(downloads, new BroadcastChannel(DOWNLOAD_CHANNEL), () => settings.hub(), undefined, whenRepoFree);
const storage = new StorageStatus(navigator.storage);
library.on('change', () => {
  void storage.refresh().then(() => (library.stored.some((m) => m.state === 'installed') ? storage.askToPersist() : undefined));
});
library.refresh();
void storage.refresh();

// Installed models are checked against the hub by themselves at most once a day (and on demand).
const UPDATE_CHECKED_AT = 'whisper-studio:update-checked-at';
if (isUpdateCheckDue(Number(localStorage.getItem(UPDATE_CHECKED_AT)) || null, Date.now(), navigator.onLine)) {
  localStorage.setItem(UPDATE_CHECKED_AT, String(Date.now()));
  library.checkUpdates();
}

// Production builds only: a service worker in `vite dev` would serve developers stale code.
const offline =
  import.meta.env.PROD && 'serviceWorker' in navigator
    ? new OfflineStatus(new Workbox('/sw.js'), navigator.serviceWorker.controller !== null, () => location.reload())
    : null;
void offline?.start();

// A static host without COOP/COEP: once the service worker controls the page, reload through it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const isolate = (): boolean =>
    reloadIntoIsolation({ isolated: self.crossOriginIsolated, controlled: navigator.serviceWorker.controller !== null, storage: sessionStorage, reload: () => location.reload() });
  if (!isolate()) navigator.serviceWorker.addEventListener('controllerchange', isolate, { once: true });
}

const rtfHistory = new RtfHistory(localStorage);
const deviceInfo = new DeviceInfo();
void deviceInfo.probe(navigator as Navigator & { deviceMemory?: number }, self.crossOriginIsolated);
// `?decode=whole` makes the browser decode every file whole, as before streaming: a way around a
// file the reader trips on, and the baseline the long-media bench compares against.
const streaming = new URLSearchParams(location.search).get('decode') !== 'whole';
const projectStore = idbProjectStore();
// Tabs of one browser share the projects: one edits a project, the others show it (Web Locks), and hear of saves and deletes.
const signals = tabSignals(new BroadcastChannel(TAB_CHANNEL));
const lease = new ProjectLease({ hold: webHoldLock(navigator.locks), signals, flush: (): Promise<void> => saver.settled() });
const saver = new ProjectSaver({ store: projectStore, now: () => Date.now(), newId: () => crypto.randomUUID(), keys: localStorage, lease, signals });
// Lists of what projects keep are read again once a copy lands (it can finish well after the save).
const vault = watchedMediaVault(opfsMediaVault(), () => listed());
// The transcript is the document: the open project, which every transcription job writes into.
const transcript = new Transcript(saver, vault, signals);
const status = new TranscriptionStatus();
const run = {
  jobs: new JobOwner<TranscriptionRequest, TranscribeReply>({
    spawn: () => new Worker(new URL('./workers/transcribe.worker.ts', import.meta.url), { type: 'module', name: 'transcribe' }),
    name: 'The transcription worker',
    watchLife,
  }),
  readers: streaming
    ? new JobOwner<ReaderRequest, ReaderReply>({ spawn: () => new Worker(new URL('./workers/media-reader.worker.ts', import.meta.url), { type: 'module', name: 'media-reader' }), name: 'The media reader', watchLife })
    : undefined,
  decode: decodeAudio,
  status,
  transcript,
  // Automatic decoding follows this device's measured speed: Best where it keeps 5× real time.
  autoQuality: (repo: string, seconds: number) => autoQuality(repo, runDevice(settings.device, deviceInfo.profile), seconds, rtfHistory.records),
};
const speakerJobs = new JobOwner<SpeakersRequest, SpeakersReply>({
  spawn: () => new Worker(new URL('./workers/speakers.worker.ts', import.meta.url), { type: 'module', name: 'speakers' }),
  name: 'The speaker worker',
  watchLife,
});
const files = new FileTranscription({ ...run, speakerJobs, onmeasured: (record) => rtfHistory.add(record) });
const retake = new Retake(run);
const liveTranscription = new LiveTranscription(run);
const listed = (): void => {
  void projects.refresh();
  signals.post({ type: 'listed' });
};
const batch = new BatchQueue({ runner: files, vault, projects: projectStore, store: idbQueueStore(), newId: () => crypto.randomUUID(), now: () => Date.now(), onchange: listed });
// One tab runs the queue (the first to take its lock); the others show it and hand it their files.
const queue = new SharedQueue({ queue: batch, hold: webHoldLock(navigator.locks), signals });
const projects = new Projects(projectStore, saver, transcript, { newId: () => crypto.randomUUID(), now: () => Date.now(), vault, signals, onremove: (id) => queue.forget(id) });
saver.on('meta', () => void projects.refresh());
const search = new ProjectSearch(projectStore);
// Each view has an address (Back, links to a project at a cue, a reload that keeps the view).
const router = new Router(window);
const navigation = new Navigation({ router, projects, search: (query) => search.search(query), busy: () => status.busy });
const recordings = idbRecordingChunks(navigator.locks);
// A live session cut off by a reload or a crash: its recording, kept as it came, becomes its project's media.
const keepRecording = async (id: string, file: File): Promise<boolean> => (await projectStore.load(id)) !== null && (await vault.keep(id, file, { copy: true }), true);
void keepUnfinishedRecordings(recordings, keepRecording)
  .catch(() => 0) // IndexedDB unreadable: the projects open all the same
  .then(() => transcript.reopen())
  .then(() => Promise.all([projects.refresh(), queue.lead()]))
  .then(() => navigation.start());
const onexportzip = (zip: Uint8Array): void => saveBlob('whisper-studio-subtitles.zip', new Blob([zip as BlobPart], { type: 'application/zip' }));
const video = new VideoExport({
  jobs: new JobOwner({ spawn: () => new Worker(new URL('./workers/video.worker.ts', import.meta.url), { type: 'module', name: 'video' }), name: 'The video worker', watchLife }),
  pickTarget: pickSaveTarget,
  offer: offerExportedVideo,
  exports: exportedVideos,
  now: () => performance.now(),
});
void video.measureLeftover();
const onexport = (format: ExportFormat, speakerMark: SpeakerMark): void =>
  void exportTranscript(format, transcript.source, transcript.cues, video.style, speakerMark).then(({ name, blob }) => saveBlob(name, blob));

const recorder = new Recorder(navigator.mediaDevices);
const live = new LiveSession({
  transcription: liveTranscription,
  transcript,
  busy: () => status.busy,
  open: (source) => openSource(source, navigator.mediaDevices),
  capture: startCapture,
  recording: () => (projects.openId ? recordings.begin(projects.openId) : null),
  microphones: () => navigator.mediaDevices.enumerateDevices(),
  discard: async () => {
    const id = projects.openId;
    if (id) await projects.remove(id);
  },
});

const subtitles = new SubtitleImport({
  transcript,
  makeWorker: () => new Worker(new URL('./workers/subtitles.worker.ts', import.meta.url), { type: 'module', name: 'subtitles' }),
});

mount(App, { target: document.getElementById('app')!, props: { settings, library, storage, offline, status, transcript, retake, liveText: liveTranscription.text, queue, recorder, live, onexport, video, deviceInfo, rtfHistory, projects, search, onexportzip, subtitles, onsaveblob: saveBlob, choices: new TranscribeChoices(localStorage), router, navigation, panes: new PaneSizes(localStorage), timing: new TimingChoice(localStorage) } });
