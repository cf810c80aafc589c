/**
 * Making a PDF with pdfkit and collecting it into bytes. pdfkit writes a stream; the
 * documents here are small, so they are returned whole.
 */
import PDFDocument from "pdfkit";

/** US Letter, the paper of the clinics this is written for; A4 fits the same layout. */
export const PAGE = { size: "LETTER" as const, margin: 40 };

/**
 * Creates a document with fixed metadata (the creation date is passed in, so the same
 * input makes the same file) and a promise of its bytes once `doc.end()` is called.
 *
 * @example const { doc, bytes } = newPdf("Schedule", new Date("2027-01-01")); doc.text("hi"); doc.end(); await bytes;
 */
export function newPdf(
  title: string,
  createdAt: Date,
): { doc: PDFKit.PDFDocument; bytes: Promise<Uint8Array> } {
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    info: { Title: title, Creator: "ldn", Producer: "ldn (pdfkit)", CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  return { doc, bytes };
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "Mon 4 Jan" from "2027-01-04": day before month, with the month as a word, so no
 * reader can mistake 4/1 for 1 April. Computed in UTC so the date never shifts.
 *
 * @example shortDate("2027-01-04") // "Mon 4 Jan"
 */
export function shortDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/**
 * "Mon 4 Jan 2027" from "2027-01-04".
 *
 * @example longDate("2027-01-04") // "Mon 4 Jan 2027"
 */
export function longDate(iso: string): string {
  return `${shortDate(iso)} ${iso.slice(0, 4)}`;
}
