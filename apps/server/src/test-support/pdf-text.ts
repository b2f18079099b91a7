import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a PDF (NFC, whitespace collapsed), for assertions on generated documents. */
export async function extractPdfText(buf: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buf) }).promise;
  try {
    const parts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
      parts.push('\n');
    }
    return parts.join('').normalize('NFC').replace(/\s+/g, ' ').trim();
  } finally {
    await pdf.destroy();
  }
}
