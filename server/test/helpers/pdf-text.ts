import { PDFParse } from 'pdf-parse';

/** The text a PDF reader extracts from the document: what a citizen could copy or a screen reader speak. */
export async function pdfText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes).slice() }); // a copy: the parser detaches what it is given;
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
