import type { Cue } from '../../core/subtitles/cue.ts';
import { formatTimestamp } from '../../core/subtitles/timestamp.ts';
import { transcriptParagraphs } from '../../core/subtitles/transcript-paragraphs.ts';

/**
 * A Word document of the transcript: the media's name as its title, then paragraphs (a new one at
 * each long pause and each change of speaker, a turn headed by its speaker's name), each opened by
 * its time. `docx` loads only when a document is asked for.
 */
export async function docxTranscript(title: string, cues: readonly Cue[]): Promise<Blob> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const time = (start: number) => new TextRun({ text: `[${formatTimestamp(start, '.').slice(0, 8)}] `, bold: true, color: '555555' });
  // A turn is headed by its speaker's name, on a line of its own, so a reader follows who says what.
  const heading = (speaker: string) => new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [new TextRun({ text: speaker, bold: true })] });
  const paragraphs = transcriptParagraphs(cues).flatMap((p) => [
    ...(p.speaker ? [heading(p.speaker)] : []),
    new Paragraph({ spacing: { after: 160 }, children: [time(p.start), new TextRun(p.text)] }),
  ]);
  const doc = new Document({
    title,
    creator: 'Whisper Studio',
    sections: [{ children: [new Paragraph({ text: title, heading: HeadingLevel.TITLE }), ...paragraphs] }],
  });
  return Packer.toBlob(doc);
}
