/**
 * Reads a PDF back for tests: its page count and the text of each page, with pdf.js
 * (Mozilla's reader), so the tests check what a reader sees, not what we meant to write.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfText {
  readonly pages: number;
  /** Each page's text, items joined by spaces. */
  readonly text: readonly string[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const text: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text };
}
