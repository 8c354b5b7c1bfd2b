/** A run of text on a PDF page, at its baseline's left end (PDF units, origin bottom left). */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size as drawn (the text's height). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** What the PDF worker sends back: its pages' text runs and the document information, or why it failed. */
export type PdfContent = { pages: PdfPage[]; info: Record<string, string> } | { error: string; encrypted?: boolean };
