/**
 * Every format a transcript is exported in, in the order the page offers them: the one list the
 * studio, the project ZIP, the file names and the MIME types all read. `text`: made as text here
 * (DOCX is a document the page builds with the `docx` library).
 */
export const EXPORT_FORMATS = Object.freeze([
  { format: 'srt', label: 'SRT', mime: 'application/x-subrip', text: true },
  { format: 'vtt', label: 'VTT', mime: 'text/vtt', text: true },
  { format: 'ass', label: 'ASS', mime: 'text/x-ssa', text: true },
  { format: 'txt', label: 'TXT', mime: 'text/plain', text: true },
  { format: 'json', label: 'JSON', mime: 'application/json', text: true },
  { format: 'docx', label: 'DOCX', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text: false },
] as const);

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];
/** The formats written as text (subtitles, plain text, JSON). */
export type TextFormat = Extract<(typeof EXPORT_FORMATS)[number], { text: true }>['format'];

export const TEXT_FORMATS: readonly TextFormat[] = EXPORT_FORMATS.flatMap((f) => (f.text ? [f.format] : []));

export const mimeOf = (format: ExportFormat): string => EXPORT_FORMATS.find((f) => f.format === format)!.mime;
export const isTextFormat = (format: ExportFormat): format is TextFormat => (TEXT_FORMATS as readonly string[]).includes(format);
