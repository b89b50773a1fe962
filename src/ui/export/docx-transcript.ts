import type { Cue } from '../../core/subtitles/cue.ts';
import { formatTimestamp } from '../../core/subtitles/timestamp.ts';
import { transcriptParagraphs } from '../../core/subtitles/transcript-paragraphs.ts';

/**
 * A Word document of the transcript: the media's name as its title, then paragraphs (a new one at
 * each long pause), each opened by its time. `docx` loads only when a document is asked for.
 */
export async function docxTranscript(title: string, cues: readonly Cue[]): Promise<Blob> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const paragraphs = transcriptParagraphs(cues).map(
    (p) => new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: `[${formatTimestamp(p.start, '.').slice(0, 8)}] `, bold: true, color: '555555' }), new TextRun(p.text)] }),
  );
  const doc = new Document({
    title,
    creator: 'Whisper Studio',
    sections: [{ children: [new Paragraph({ text: title, heading: HeadingLevel.TITLE }), ...paragraphs] }],
  });
  return Packer.toBlob(doc);
}
